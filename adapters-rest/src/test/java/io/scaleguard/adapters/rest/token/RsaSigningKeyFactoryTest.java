package io.scaleguard.adapters.rest.token;

import static org.assertj.core.api.Assertions.assertThat;

import io.scaleguard.application.port.out.SigningKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import org.jose4j.jwk.RsaJsonWebKey;
import org.junit.jupiter.api.Test;

class RsaSigningKeyFactoryTest {

    private static final Instant CREATED = Instant.parse("2026-03-01T12:00:00Z");

    @Test
    void makesAnActiveRs256KeyOf2048BitsInPkcs8AndX509() {
        SigningKey key = new RsaSigningKeyFactory().newKey(CREATED);

        RSAPublicKey publicKey = (RSAPublicKey) KeyMaterial.publicKey(key.algorithm(), key.publicKeyX509());
        RSAPrivateCrtKey privateKey = (RSAPrivateCrtKey) KeyMaterial.privateKey(key.algorithm(), key.privateKeyPkcs8());
        assertThat(key.algorithm()).isEqualTo("RS256");
        assertThat(publicKey.getModulus().bitLength()).isEqualTo(2048);
        assertThat(privateKey.getModulus()).isEqualTo(publicKey.getModulus());
        assertThat(key.createdAt()).isEqualTo(CREATED);
        assertThat(key.retiredAt()).isNull();
    }

    @Test
    void namesEachKeyByItsRfc7638Thumbprint() {
        RsaSigningKeyFactory factory = new RsaSigningKeyFactory();
        SigningKey first = factory.newKey(CREATED);
        SigningKey second = factory.newKey(CREATED);

        RSAPublicKey publicKey = (RSAPublicKey) KeyMaterial.publicKey(first.algorithm(), first.publicKeyX509());
        assertThat(first.keyId()).isEqualTo(new RsaJsonWebKey(publicKey).calculateBase64urlEncodedThumbprint("SHA-256"))
                .matches("[A-Za-z0-9_-]{43}");
        assertThat(second.keyId()).isNotEqualTo(first.keyId());
    }
}
