package io.scaleguard.adapters.postgres;

import io.scaleguard.application.port.out.StoreUnavailable;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;

/**
 * How a signing key's private half is written to its column: as it is when no {@link SigningKeySecret} is configured
 * (the embedded default), else sealed with AES-256-GCM under that secret, the key id bound in as associated data so
 * that a sealed value copied onto another row does not open. Unsealed values still open under a secret, so that keys
 * stored before one was configured keep working until a rotation retires them.
 */
final class PrivateKeySealing {

    /** Marks a sealed value; base64 never contains ':', so an unsealed PKCS#8 value cannot start with it. */
    static final String SEALED_PREFIX = "sealed-v1:";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SigningKeySecret secret;
    private final SecureRandom random = new SecureRandom();

    /** @param secret the key to seal under, or null to store private keys as they are */
    PrivateKeySealing(SigningKeySecret secret) {
        this.secret = secret;
    }

    String seal(String keyId, String privateKeyPkcs8) {
        if (secret == null) {
            return privateKeyPkcs8;
        }
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        byte[] sealed = run(Cipher.ENCRYPT_MODE, keyId, nonce, privateKeyPkcs8.getBytes(StandardCharsets.US_ASCII));
        return SEALED_PREFIX + Base64.getEncoder().encodeToString(ByteBuffer.allocate(nonce.length + sealed.length)
                .put(nonce).put(sealed).array());
    }

    /**
     * @throws StoreUnavailable when the value is sealed and no secret, or another secret, is configured: the replica
     *                          cannot use the shared keys, which start-up and readiness must report rather than hide
     */
    String open(String keyId, String stored) {
        if (!stored.startsWith(SEALED_PREFIX)) {
            return stored;
        }
        if (secret == null) {
            throw new StoreUnavailable("signing key " + keyId + " is sealed, and no signing-key secret is configured", null);
        }
        byte[] whole;
        try {
            whole = Base64.getDecoder().decode(stored.substring(SEALED_PREFIX.length()));
        } catch (IllegalArgumentException damaged) {
            throw cannotOpen(keyId, null);
        }
        if (whole.length <= NONCE_BYTES) {
            throw cannotOpen(keyId, null);
        }
        ByteBuffer buffer = ByteBuffer.wrap(whole);
        byte[] nonce = new byte[NONCE_BYTES];
        buffer.get(nonce);
        byte[] sealed = new byte[buffer.remaining()];
        buffer.get(sealed);
        return new String(run(Cipher.DECRYPT_MODE, keyId, nonce, sealed), StandardCharsets.US_ASCII);
    }

    private byte[] run(int mode, String keyId, byte[] nonce, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, secret.key(), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(keyId.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(input);
        } catch (GeneralSecurityException e) {
            if (mode == Cipher.DECRYPT_MODE) {
                throw cannotOpen(keyId, e);
            }
            throw new IllegalStateException("sealing a signing key failed", e);
        }
    }

    private static StoreUnavailable cannotOpen(String keyId, Throwable cause) {
        return new StoreUnavailable("signing key " + keyId + " does not open with the configured signing-key secret"
                + " (another secret, or a damaged value)", cause);
    }
}
