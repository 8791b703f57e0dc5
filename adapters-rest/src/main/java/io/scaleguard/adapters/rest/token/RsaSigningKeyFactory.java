package io.scaleguard.adapters.rest.token;

import io.scaleguard.application.port.out.SigningKey;
import io.scaleguard.application.port.out.SigningKeyFactory;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Base64;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jws.AlgorithmIdentifiers;

/**
 * New RS256 signing keys: RSA 2048 (RS256 verifies fastest on the JVM, and verification is what every request pays),
 * named by their RFC 7638 thumbprint, so that a {@code kid} is derived from the key and cannot collide by accident.
 */
public final class RsaSigningKeyFactory implements SigningKeyFactory {

    private static final int KEY_BITS = 2048;

    private final SecureRandom random = new SecureRandom();

    public RsaSigningKeyFactory() {
        // Key generation needs no configuration; the constructor is public for the composition root.
    }

    @Override
    public SigningKey newKey(Instant createdAt) {
        KeyPair pair = generate();
        String keyId = new RsaJsonWebKey((RSAPublicKey) pair.getPublic()).calculateBase64urlEncodedThumbprint("SHA-256");
        Base64.Encoder base64 = Base64.getEncoder();
        return new SigningKey(keyId, AlgorithmIdentifiers.RSA_USING_SHA256, base64.encodeToString(pair.getPrivate().getEncoded()),
                base64.encodeToString(pair.getPublic().getEncoded()), createdAt, null);
    }

    private KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(KEY_BITS, random);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JVM cannot generate RSA keys", e);
        }
    }
}
