package io.scaleguard.adapters.rest.testing;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.NumericDate;
import org.jose4j.lang.JoseException;
import org.junit.jupiter.api.Named;

/**
 * Every token SECURITY.md says a build must refuse ("Attacks every build must refuse"), and a few more of the same
 * families, each named for the test report. The header-level attacks (empty, two tokens) live with the filter tests.
 */
public final class TokenAttacks {

    private TokenAttacks() {
    }

    public static List<Named<String>> against(TokenForge forge, Instant now) {
        long t = now.getEpochSecond();
        return List.of(
                Named.of("alg none", forge.unsigned()),
                Named.of("HS256 signed with our public key", forge.hmacWithOurPublicKey()),
                Named.of("tampered payload: plan", forge.tampered(c -> c.setStringClaim("plan", "enterprise"))),
                Named.of("tampered payload: subject", forge.tampered(c -> c.setSubject(UUID.randomUUID().toString()))),
                Named.of("stripped signature", forge.stripped()),
                Named.of("expired", forge.ours(c -> {
                    c.setIssuedAt(NumericDate.fromSeconds(t - 1200));
                    c.setExpirationTime(NumericDate.fromSeconds(t - 120));
                })),
                Named.of("nbf in the future", forge.ours(c -> c.setNotBefore(NumericDate.fromSeconds(t + 600)))),
                Named.of("iat in the future", forge.ours(c -> {
                    c.setIssuedAt(NumericDate.fromSeconds(t + 600));
                    c.setExpirationTime(NumericDate.fromSeconds(t + 1200));
                })),
                Named.of("lifetime of a year", forge.ours(c -> c.setExpirationTime(NumericDate.fromSeconds(t + 365L * 86_400)))),
                Named.of("wrong iss", forge.ours(c -> c.setIssuer("https://evil.example"))),
                Named.of("wrong aud", forge.ours(c -> c.setAudience("another-api"))),
                Named.of("missing aud", forge.ours(c -> c.unsetClaim("aud"))),
                Named.of("missing sub", forge.ours(c -> c.unsetClaim("sub"))),
                Named.of("sub that is no user id", forge.ours(c -> c.setSubject("admin"))),
                Named.of("missing jti", forge.ours(c -> c.unsetClaim("jti"))),
                Named.of("missing exp", forge.ours(c -> c.unsetClaim("exp"))),
                Named.of("missing iat", forge.ours(c -> c.unsetClaim("iat"))),
                Named.of("username that is no username", forge.ours(c -> c.setStringClaim("username", "' OR 1=1 --"))),
                Named.of("typ JWT (an ID token's)", forge.oursWithHeader(jws -> jws.setHeader("typ", "JWT"))),
                Named.of("typ of another token kind", forge.oursWithHeader(jws -> jws.setHeader("typ", "rt+jwt"))),
                Named.of("an opaque refresh token", "Zk3v0yZ2XvQm6mQk0Bq9rj2h3J8Jm1K9Hq2z5Xo7c1E"),
                Named.of("unknown kid", forge.oursWithHeader(jws -> jws.setKeyIdHeaderValue("no-such-key"))),
                Named.of("kid with a path", forge.attackers(jws -> jws.setKeyIdHeaderValue("../../../../../../dev/null"))),
                Named.of("kid with SQL", forge.attackers(jws -> jws.setKeyIdHeaderValue("x' UNION SELECT 'secret' --"))),
                Named.of("jku pointing at the attacker's keys", forge.attackers(jws -> {
                    jws.setHeader("jku", "https://evil.example/jwks.json");
                    jws.setKeyIdHeaderValue("attacker-key");
                })),
                Named.of("x5u pointing at the attacker's certificate", forge.attackers(jws -> jws.setHeader("x5u", "https://evil.example/cert.pem"))),
                Named.of("embedded RSA jwk of the attacker", forge.attackers(jws -> jws.setJwkHeader(jwk(forge)))),
                Named.of("embedded EC jwk of the attacker", forge.attackersEcWithEmbeddedJwk()),
                Named.of("unknown crit header", forge.oursWithHeader(jws -> {
                    jws.setCriticalHeaderNames("urn:example:must-understand");
                    jws.setHeader("urn:example:must-understand", "yes");
                })),
                Named.of("ECDSA r=s=0", forge.psychicSignature()),
                Named.of("RS512 with our key", forge.oursWithAlgorithm(AlgorithmIdentifiers.RSA_USING_SHA512)),
                Named.of("PS256 with our key", forge.oursWithAlgorithm(AlgorithmIdentifiers.RSA_PSS_USING_SHA256)),
                Named.of("genuinely signed but over 8 KiB", forge.ours(c -> c.setStringClaim("pad", "x".repeat(9_000)))),
                Named.of("a 1 MB token", forge.ours(c -> c.setStringClaim("pad", "x".repeat(1_000_000)))),
                Named.of("garbage", "not-a-token"),
                Named.of("garbage with dots", "a.b.c"));
    }

    private static PublicJsonWebKey jwk(TokenForge forge) {
        try {
            return PublicJsonWebKey.Factory.newPublicJwk(forge.attackerRsaPublicKey());
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }
}
