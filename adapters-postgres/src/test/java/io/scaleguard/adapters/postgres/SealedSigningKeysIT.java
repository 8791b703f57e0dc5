package io.scaleguard.adapters.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scaleguard.application.port.out.SigningKey;
import io.scaleguard.application.port.out.StoreUnavailable;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Signing keys sealed under a secret, on PostgreSQL: what the table holds, and replicas configured otherwise. */
class SealedSigningKeysIT {

    private static final String PKCS8 = "MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7sealed";
    private final TestDatabase.Schema schema = TestDatabase.freshSchema();

    @AfterEach
    void dropSchema() {
        schema.close();
    }

    private static SigningKeySecret secret(byte fill) {
        byte[] material = new byte[SigningKeySecret.BYTES];
        Arrays.fill(material, fill);
        return SigningKeySecret.fromBase64(Base64.getEncoder().encodeToString(material));
    }

    private PersistenceModule open(SigningKeySecret secret) {
        PersistenceModule module = PersistenceModule.open(schema.settings().withSigningKeySecret(secret));
        module.migrate();
        return module;
    }

    private static SigningKey key(String keyId) {
        return new SigningKey(keyId, "RS256", PKCS8, "cHVibGlj", Instant.now().truncatedTo(ChronoUnit.MILLIS), null);
    }

    @Test
    void theTableHoldsOnlyTheSealedPrivateHalfAndTheReplicaReadsItBack() throws Exception {
        SigningKey key = key("k-sealed");
        try (PersistenceModule replica = open(secret((byte) 1))) {
            replica.signingKeys().add(key);

            List<Object> stored = SqlProbe.column(schema.settings(), "SELECT private_key_pkcs8 FROM signing_keys WHERE key_id = ?", "k-sealed");
            assertThat(stored).singleElement().asString().startsWith(PrivateKeySealing.SEALED_PREFIX)
                    .doesNotContain(PKCS8.substring(0, 20));
            assertThat(replica.signingKeys().activeAt(Instant.now())).containsExactly(key);
        }
    }

    @Test
    void aReplicaWithoutTheSecretOrWithAnotherCannotReadTheKeysAndSaysWhich() {
        try (PersistenceModule sealed = open(secret((byte) 1))) {
            sealed.signingKeys().add(key("k-sealed"));
        }
        try (PersistenceModule unsealed = open(null)) {
            assertThatThrownBy(() -> unsealed.signingKeys().activeAt(Instant.now())).isInstanceOf(StoreUnavailable.class)
                    .hasMessage("signing key k-sealed is sealed, and no signing-key secret is configured");
        }
        try (PersistenceModule other = open(secret((byte) 2))) {
            assertThatThrownBy(() -> other.signingKeys().activeAt(Instant.now())).isInstanceOf(StoreUnavailable.class)
                    .hasMessageStartingWith("signing key k-sealed does not open with the configured signing-key secret");
        }
    }

    @Test
    void keysStoredBeforeASecretWasConfiguredStillServeBesideSealedOnes() throws Exception {
        SigningKey before = key("k-before");
        try (PersistenceModule unsealed = open(null)) {
            unsealed.signingKeys().add(before);
        }
        assertThat(SqlProbe.column(schema.settings(), "SELECT private_key_pkcs8 FROM signing_keys")).containsExactly(PKCS8);
        SigningKey after = key("k-after");
        try (PersistenceModule sealed = open(secret((byte) 1))) {
            sealed.signingKeys().add(after);
            assertThat(sealed.signingKeys().activeAt(Instant.now())).containsExactlyInAnyOrder(before, after);
        }
    }
}
