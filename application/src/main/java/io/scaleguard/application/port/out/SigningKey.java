package io.scaleguard.application.port.out;

import java.time.Instant;

/**
 * A token-signing key pair as stored: encoded key material (PKCS#8 private, X.509 public, both base64), its JWA
 * algorithm name, and its life: it signs while it is the newest active key and verifies until {@code retiredAt}.
 */
public record SigningKey(String keyId, String algorithm, String privateKeyPkcs8, String publicKeyX509, Instant createdAt,
                         Instant retiredAt) {

    public SigningKey {
        if (keyId == null || keyId.isBlank() || algorithm == null || privateKeyPkcs8 == null || publicKeyX509 == null || createdAt == null) {
            throw new IllegalArgumentException("a signing key needs an id, an algorithm, both halves and a creation time");
        }
    }

    public boolean activeAt(Instant when) {
        return retiredAt == null || retiredAt.isAfter(when);
    }

    @Override
    public String toString() {
        return "SigningKey[keyId=" + keyId + ", algorithm=" + algorithm + ", createdAt=" + createdAt + ", retiredAt=" + retiredAt + "]";
    }
}
