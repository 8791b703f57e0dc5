package io.scaleguard.bootstrap.compose;

import io.scaleguard.adapters.postgres.DatabaseSettings;
import io.scaleguard.adapters.postgres.PersistenceModule;
import io.scaleguard.bootstrap.config.DatabaseTarget;

/** Opens the store the configuration names, with its schema migrated: PostgreSQL, or the embedded default database. */
final class Persistence {

    static PersistenceModule open(DatabaseTarget target) {
        DatabaseSettings settings = target instanceof DatabaseTarget.Postgres postgres
                ? DatabaseSettings.of(postgres.jdbcUrl(), postgres.user(), postgres.password())
                : DatabaseSettings.embedded(((DatabaseTarget.Embedded) target).dataDirectory());
        PersistenceModule module = PersistenceModule.open(settings);
        try {
            module.migrate();
            return module;
        } catch (RuntimeException e) {
            module.close();
            throw e;
        }
    }

    private Persistence() {
    }
}
