package io.scaleguard.adapters.rest.testing;

import io.scaleguard.adapters.rest.token.KeyMaterial;
import io.scaleguard.application.port.out.SigningKey;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.jose4j.json.JsonUtil;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.keys.HmacKey;
import org.jose4j.lang.JoseException;

/**
 * Makes access tokens the way an attacker would, with jose4j: genuine ones signed by our key (to tamper with) and
 * forged ones signed by the attacker's own RSA or EC keys, with whatever header and claims the test asks for.
 */
public final class TokenForge {

    public static final String ISSUER = "https://auth.example.test";
    public static final String AUDIENCE = "scaleguard-api";
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private final SigningKey ours;
    private final Instant now;
    private final KeyPair attackerRsa = generate("RSA", null);
    private final KeyPair attackerEc = generate("EC", new ECGenParameterSpec("secp256r1"));

    public TokenForge(SigningKey ours, Instant now) {
        this.ours = ours;
        this.now = now;
    }

    /** Claims of a token we would issue now to {@link FakeUseCases#ALICE}, valid for ten minutes. */
    public JwtClaims claims() {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(ISSUER);
        claims.setAudience(AUDIENCE);
        claims.setSubject(FakeUseCases.ALICE.id().toString());
        claims.setJwtId(UUID.randomUUID().toString());
        claims.setIssuedAt(NumericDate.fromSeconds(now.getEpochSecond()));
        claims.setExpirationTime(NumericDate.fromSeconds(now.getEpochSecond() + 600));
        claims.setStringClaim("scope", "profile");
        claims.setStringClaim("username", "alice");
        claims.setStringClaim("plan", "default");
        claims.setStringListClaim("roles", List.of("user"));
        return claims;
    }

    /** A genuine token: our key, RS256, at+jwt, our kid. */
    public String genuine() {
        return ours(claims -> { });
    }

    /** Signed by our key as we would, with the claims changed first. */
    public String ours(Consumer<JwtClaims> change) {
        return sign(change, jws -> { }, KeyMaterial.privateKey(ours.algorithm(), ours.privateKeyPkcs8()), AlgorithmIdentifiers.RSA_USING_SHA256);
    }

    /** Signed by our key as we would, with the header changed first. */
    public String oursWithHeader(Consumer<JsonWebSignature> header) {
        return sign(claims -> { }, header, KeyMaterial.privateKey(ours.algorithm(), ours.privateKeyPkcs8()), AlgorithmIdentifiers.RSA_USING_SHA256);
    }

    /** Signed by our key with another algorithm than RS256. */
    public String oursWithAlgorithm(String algorithm) {
        return sign(claims -> { }, jws -> { }, KeyMaterial.privateKey(ours.algorithm(), ours.privateKeyPkcs8()), algorithm);
    }

    /** Signed RS256 by the attacker's RSA key, the header changed first (our kid unless the change says otherwise). */
    public String attackers(Consumer<JsonWebSignature> header) {
        return sign(claims -> { }, header, attackerRsa.getPrivate(), AlgorithmIdentifiers.RSA_USING_SHA256);
    }

    /** HS256 with our public key's bytes as the secret: the classic algorithm confusion. */
    public String hmacWithOurPublicKey() {
        byte[] publicKey = Base64.getDecoder().decode(ours.publicKeyX509());
        return sign(claims -> { }, jws -> jws.setDoKeyValidation(false), new HmacKey(publicKey), AlgorithmIdentifiers.HMAC_SHA256);
    }

    /** {@code alg: none}, no signature. */
    public String unsigned() {
        return compact(header(AlgorithmIdentifiers.NONE, ours.keyId()), claims().toJson(), "");
    }

    /** ES256 with r = s = 0 (CVE-2022-21449, "psychic signatures"), naming our key. */
    public String psychicSignature() {
        return compact(header(AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256, ours.keyId()), claims().toJson(),
                BASE64URL.encodeToString(new byte[64]));
    }

    /** A genuine token whose payload was replaced after signing. */
    public String tampered(Consumer<JwtClaims> change) {
        String[] parts = genuine().split("\\.");
        JwtClaims claims = claims();
        change.accept(claims);
        return parts[0] + "." + BASE64URL.encodeToString(claims.toJson().getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
    }

    /** A genuine token with its signature cut off. */
    public String stripped() {
        String token = genuine();
        return token.substring(0, token.lastIndexOf('.') + 1);
    }

    public PublicKey attackerRsaPublicKey() {
        return attackerRsa.getPublic();
    }

    /** Signed ES256 by the attacker's EC key with its public half embedded as {@code jwk}. */
    public String attackersEcWithEmbeddedJwk() {
        return sign(claims -> { }, jws -> {
            try {
                jws.getHeaders().setJwkHeaderValue("jwk", PublicJsonWebKey.Factory.newPublicJwk(attackerEc.getPublic()));
            } catch (JoseException e) {
                throw new IllegalStateException(e);
            }
        }, attackerEc.getPrivate(), AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256);
    }

    private String sign(Consumer<JwtClaims> change, Consumer<JsonWebSignature> header, Key key, String algorithm) {
        JwtClaims claims = claims();
        change.accept(claims);
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setAlgorithmHeaderValue(algorithm);
        jws.setAlgorithmConstraints(AlgorithmConstraints.NO_CONSTRAINTS);
        jws.setKeyIdHeaderValue(ours.keyId());
        jws.setHeader("typ", "at+jwt");
        jws.setKey(key);
        header.accept(jws);
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String header(String algorithm, String keyId) {
        return JsonUtil.toJson(Map.of("alg", algorithm, "kid", keyId, "typ", "at+jwt"));
    }

    private static String compact(String header, String payload, String signature) {
        return BASE64URL.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
                + BASE64URL.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + signature;
    }

    private static KeyPair generate(String algorithm, ECGenParameterSpec curve) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
            if (curve != null) {
                generator.initialize(curve);
            } else {
                generator.initialize(2048);
            }
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
