package io.scaleguard.adapters.postgres;

import java.util.Base64;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The AES-256 key under which the private halves of the signing keys are stored: given to every replica from outside
 * the database (a secret manager, a Kubernetes Secret), so that a copy of the database alone cannot sign tokens.
 * Never printed.
 */
public final class SigningKeySecret {

    static final int BYTES = 32;

    private final SecretKey key;

    private SigningKeySecret(byte[] material) {
        this.key = new SecretKeySpec(material, "AES");
    }

    /**
     * @param base64 32 random bytes in base64, as {@code openssl rand -base64 32} prints them
     * @throws IllegalArgumentException when it is not base64 or not 32 bytes; the message never repeats the value
     */
    public static SigningKeySecret fromBase64(String base64) {
        byte[] material;
        try {
            material = Base64.getDecoder().decode(base64 == null ? "" : base64.strip());
        } catch (IllegalArgumentException notBase64) {
            throw new IllegalArgumentException("must be " + BYTES + " bytes in base64 (openssl rand -base64 32); it is not base64");
        }
        if (material.length != BYTES) {
            throw new IllegalArgumentException("must be " + BYTES + " bytes in base64 (openssl rand -base64 32), not "
                    + material.length + " bytes");
        }
        return new SigningKeySecret(material);
    }

    SecretKey key() {
        return key;
    }

    @Override
    public String toString() {
        return "SigningKeySecret[****]";
    }
}
