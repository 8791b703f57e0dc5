package io.scaleguard.adapters.postgres;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The port contracts on the embedded default: an H2 file database in a temporary data directory. */
class StoreContractsEmbeddedIT extends StoreContracts {

    /** Static: JUnit fills static @TempDir fields before @BeforeAll, instance ones only before each test. */
    @TempDir
    static Path dataDirectory;

    @Override
    protected DatabaseSettings settings() {
        return DatabaseSettings.embedded(dataDirectory).withPasswordHashing(TestDatabase.FAST_HASHING);
    }
}
