package io.scaleguard.adapters.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scaleguard.application.port.out.StoreUnavailable;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class PrivateKeySealingTest {

    private static final String PKCS8 = "MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7";
    private static final PrivateKeySealing UNSEALED = new PrivateKeySealing(null);
    private final PrivateKeySealing sealing = new PrivateKeySealing(secret((byte) 1));

    private static SigningKeySecret secret(byte fill) {
        byte[] material = new byte[32];
        Arrays.fill(material, fill);
        return SigningKeySecret.fromBase64(Base64.getEncoder().encodeToString(material));
    }

    @Test
    void withoutASecretStoresTheKeyAsItIs() {
        assertThat(UNSEALED.seal("k1", PKCS8)).isEqualTo(PKCS8);
        assertThat(UNSEALED.open("k1", PKCS8)).isEqualTo(PKCS8);
    }

    @Test
    void withASecretStoresNothingOfTheKeyInTheClearAndOpensItAgain() {
        String stored = sealing.seal("k1", PKCS8);
        assertThat(stored).startsWith(PrivateKeySealing.SEALED_PREFIX).doesNotContain(PKCS8.substring(0, 16));
        assertThat(sealing.open("k1", stored)).isEqualTo(PKCS8);
        assertThat(sealing.seal("k1", PKCS8)).as("a fresh nonce every time").isNotEqualTo(stored);
    }

    @Test
    void opensKeysStoredBeforeASecretWasConfigured() {
        assertThat(sealing.open("k1", PKCS8)).isEqualTo(PKCS8);
    }

    @Test
    void aSealedKeyWithoutTheSecretIsAStoreThatCannotServeNamingTheKey() {
        String stored = sealing.seal("k1", PKCS8);
        assertThatThrownBy(() -> UNSEALED.open("k1", stored)).isInstanceOf(StoreUnavailable.class)
                .hasMessage("signing key k1 is sealed, and no signing-key secret is configured");
    }

    @Test
    void anotherSecretAnotherRowOrADamagedValueDoesNotOpen() {
        String stored = sealing.seal("k1", PKCS8);
        PrivateKeySealing other = new PrivateKeySealing(secret((byte) 2));
        int middle = stored.length() / 2;
        String flipped = stored.substring(0, middle) + (stored.charAt(middle) == 'A' ? 'B' : 'A') + stored.substring(middle + 1);

        for (Runnable attempt : new Runnable[] {
            () -> other.open("k1", stored),
            () -> sealing.open("k2", stored),
            () -> sealing.open("k1", flipped),
            () -> sealing.open("k1", PrivateKeySealing.SEALED_PREFIX + "AAAA"),
            () -> sealing.open("k1", PrivateKeySealing.SEALED_PREFIX + "not base64")}) {
            assertThatThrownBy(attempt::run).isInstanceOf(StoreUnavailable.class).hasMessageStartingWith("signing key k");
        }
    }
}
