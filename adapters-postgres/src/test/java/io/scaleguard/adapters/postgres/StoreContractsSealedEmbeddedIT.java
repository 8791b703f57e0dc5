package io.scaleguard.adapters.postgres;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The port contracts on the embedded default with the signing keys sealed under a secret (PostgreSQL: SealedSigningKeysIT). */
class StoreContractsSealedEmbeddedIT extends StoreContracts {

    @TempDir
    static Path dataDirectory;

    @Override
    protected DatabaseSettings settings() {
        return DatabaseSettings.embedded(dataDirectory).withPasswordHashing(TestDatabase.FAST_HASHING)
                .withSigningKeySecret(SigningKeySecret.fromBase64("MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY="));
    }
}
