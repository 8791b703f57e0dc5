package io.scaleguard.adapters.postgres;

import org.junit.jupiter.api.AutoClose;

/** The port contracts on PostgreSQL, in a schema of their own, dropped after the module over it is closed. */
class StoreContractsPostgresIT extends StoreContracts {

    @AutoClose
    private final TestDatabase.Schema schema = TestDatabase.freshSchema();

    @Override
    protected DatabaseSettings settings() {
        return schema.settings();
    }
}
