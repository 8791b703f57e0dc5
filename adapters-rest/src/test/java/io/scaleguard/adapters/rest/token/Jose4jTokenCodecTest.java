package io.scaleguard.adapters.rest.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scaleguard.adapters.rest.testing.FakeUseCases;
import io.scaleguard.adapters.rest.testing.TokenForge;
import io.scaleguard.application.MutableClock;
import io.scaleguard.application.port.out.AccessTokenClaims;
import io.scaleguard.application.port.out.SigningKey;
import io.scaleguard.application.port.out.StoreUnavailable;
import io.scaleguard.application.port.out.TokenCodec.Verification;
import io.scaleguard.application.testing.ObservedSigningKeys;
import io.scaleguard.domain.auth.Plan;
import io.scaleguard.domain.auth.Username;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.api.Test;

class Jose4jTokenCodecTest {

    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private static final RsaSigningKeyFactory FACTORY = new RsaSigningKeyFactory();

    private final MutableClock clock = new MutableClock(NOW);
    private final ObservedSigningKeys store = new ObservedSigningKeys();
    private final SigningKey key = FACTORY.newKey(NOW.minusSeconds(60));

    Jose4jTokenCodecTest() {
        store.add(key);
    }

    private Jose4jTokenCodec codec() {
        return new Jose4jTokenCodec(store, clock, TokenForge.ISSUER, TokenForge.AUDIENCE);
    }

    private static AccessTokenClaims claims(Instant issuedAt) {
        return new AccessTokenClaims(FakeUseCases.ALICE.id(), new Username("alice"), new Plan("gold"), Set.of("user", "ops"),
                Set.of("profile", "items"), "jti-1", issuedAt, issuedAt.plus(Duration.ofMinutes(15)));
    }

    @Test
    void issuesAnRfc9068AccessTokenThatDecodesToTheSameClaims() throws Exception {
        Jose4jTokenCodec codec = codec();

        String token = codec.encode(claims(NOW));

        JsonWebSignature jws = (JsonWebSignature) JsonWebSignature.fromCompactSerialization(token);
        assertThat(jws.getHeaders().getStringHeaderValue("typ")).isEqualTo("at+jwt");
        assertThat(jws.getAlgorithmHeaderValue()).isEqualTo("RS256");
        assertThat(jws.getKeyIdHeaderValue()).isEqualTo(key.keyId());
        JwtClaims jwt = JwtClaims.parse(jws.getUnverifiedPayload());
        assertThat(jwt.getIssuer()).isEqualTo(TokenForge.ISSUER);
        assertThat(jwt.getAudience()).containsExactly(TokenForge.AUDIENCE);
        assertThat(jwt.getSubject()).isEqualTo(FakeUseCases.ALICE.id().toString());
        assertThat(jwt.getJwtId()).isEqualTo("jti-1");
        assertThat(jwt.getIssuedAt().getValue()).isEqualTo(NOW.getEpochSecond());
        assertThat(jwt.getExpirationTime().getValue()).isEqualTo(NOW.plusSeconds(900).getEpochSecond());
        assertThat(jwt.getClaimsMap()).contains(Map.entry("scope", "items profile"), Map.entry("username", "alice"),
                Map.entry("plan", "gold"));
        assertThat(jwt.getStringListClaimValue("roles")).containsExactly("ops", "user");
        assertThat(codec.decode(token)).isEqualTo(new Verification.Valid(claims(NOW)));
    }

    @Test
    void signsWithTheNewestActiveKey() throws Exception {
        SigningKey newer = FACTORY.newKey(NOW.minusSeconds(10));
        store.add(newer);

        String token = codec().encode(claims(NOW));

        assertThat(JsonWebSignature.fromCompactSerialization(token).getKeyIdHeaderValue()).isEqualTo(newer.keyId());
    }

    @Test
    void skipsAStoredKeyItCannotDecode() throws Exception {
        store.add(new SigningKey("damaged", "RS256", "cHJpdmF0ZQ==", "cHVibGlj", NOW.minusSeconds(5), null));

        String token = codec().encode(claims(NOW));

        assertThat(JsonWebSignature.fromCompactSerialization(token).getKeyIdHeaderValue()).isEqualTo(key.keyId());
    }

    @Test
    void refusesToSignWithoutAnActiveKey() {
        store.retire(key.keyId(), NOW);

        assertThatThrownBy(() -> codec().encode(claims(NOW))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void acceptsATokenUntilExpiryPlusTheSkewAndNotAfterEvenWhenCached() {
        Jose4jTokenCodec codec = codec();
        String token = codec.encode(claims(NOW));
        assertThat(codec.decode(token)).isInstanceOf(Verification.Valid.class);

        clock.advance(Duration.ofMinutes(15).plusSeconds(29));
        assertThat(codec.decode(token)).isInstanceOf(Verification.Valid.class);

        clock.advance(Duration.ofSeconds(1));
        assertThat(codec.decode(token)).isInstanceOf(Verification.Invalid.class);
    }

    @Test
    void remembersVerifiedTokensByTheirExactText() {
        Jose4jTokenCodec codec = codec();
        String token = codec.encode(claims(NOW));

        codec.decode(token);
        codec.decode(token);
        assertThat(codec.cachedTokens()).isEqualTo(1);

        assertThat(codec.decode(token.substring(0, token.length() - 2) + "AA")).isInstanceOf(Verification.Invalid.class);
        assertThat(codec.cachedTokens()).isEqualTo(1);
    }

    @Test
    void aKeyAddedByAnotherReplicaVerifiesAtOnce() {
        Jose4jTokenCodec verifier = codec();
        verifier.decode(verifier.encode(claims(NOW)));
        store.add(FACTORY.newKey(NOW));
        String signedWithTheNewKey = codec().encode(claims(NOW));
        clock.advance(KeyRing.MIN_RELOAD_GAP);

        assertThat(verifier.decode(signedWithTheNewKey)).isInstanceOf(Verification.Valid.class);
    }

    @Test
    void unknownKeyIdsReadTheStoreAtMostOncePerSecond() {
        Jose4jTokenCodec codec = codec();
        TokenForge forge = new TokenForge(key, NOW);
        codec.decode(forge.genuine());
        assertThat(store.reads).hasValue(1);

        clock.advance(Duration.ofSeconds(2));
        for (int i = 0; i < 5; i++) {
            int n = i;
            assertThat(codec.decode(forge.attackers(jws -> jws.setKeyIdHeaderValue("forged-" + n)))).isInstanceOf(Verification.Invalid.class);
        }
        assertThat(store.reads).hasValue(2);

        clock.advance(KeyRing.MIN_RELOAD_GAP);
        codec.decode(forge.attackers(jws -> jws.setKeyIdHeaderValue("forged-again")));
        assertThat(store.reads).hasValue(3);
    }

    @Test
    void aKeyStopsVerifyingAtItsRetirementEvenForRememberedTokens() {
        store.retire(key.keyId(), NOW.plusSeconds(5));
        Jose4jTokenCodec codec = codec();
        String token = new TokenForge(key, NOW).genuine();
        assertThat(codec.decode(token)).isInstanceOf(Verification.Valid.class);

        clock.advance(Duration.ofSeconds(5));

        assertThat(codec.decode(token)).isInstanceOf(Verification.Invalid.class);
    }

    @Test
    void aRetirementDecidedElsewhereReachesRememberedTokensWithTheNextReload() {
        Jose4jTokenCodec codec = codec();
        String remembered = new TokenForge(key, NOW).genuine();
        assertThat(codec.decode(remembered)).isInstanceOf(Verification.Valid.class);

        store.retire(key.keyId(), NOW);
        clock.advance(KeyRing.REFRESH);
        // Any verification that is not answered from memory reads the keys again once they are older than REFRESH.
        assertThat(codec.decode(new TokenForge(key, NOW).genuine())).isInstanceOf(Verification.Invalid.class);

        assertThat(codec.decode(remembered)).isInstanceOf(Verification.Invalid.class);
    }

    @Test
    void aRememberedTokenIsAnsweredWithoutReadingTheStoreEvenWhenTheKeysAreStaleAndTheStoreIsDown() {
        Jose4jTokenCodec codec = codec();
        String token = new TokenForge(key, NOW).genuine();
        assertThat(codec.decode(token)).isInstanceOf(Verification.Valid.class);
        int reads = store.reads.get();
        store.down = true;
        clock.advance(KeyRing.REFRESH.multipliedBy(2));

        assertThat(codec.decode(token)).isInstanceOf(Verification.Valid.class);
        assertThat(store.reads).hasValue(reads);
    }

    @Test
    void keepsTheKnownKeysWhileTheStoreIsDown() {
        Jose4jTokenCodec codec = codec();
        String token = new TokenForge(key, NOW).genuine();
        codec.decode(token);
        store.down = true;
        clock.advance(KeyRing.REFRESH.plusSeconds(1));

        assertThat(codec.decode(new TokenForge(key, clock.instant()).genuine())).isInstanceOf(Verification.Valid.class);
        assertThat(codec.decode(codec.encode(claims(clock.instant())))).isInstanceOf(Verification.Valid.class);
    }

    @Test
    void withTheStoreDownFromTheStartVerifyingAndSigningFailAsUnavailableNotAsABadToken() {
        store.down = true;
        Jose4jTokenCodec codec = codec();

        assertThatThrownBy(() -> codec.decode(new TokenForge(key, NOW).genuine())).isInstanceOf(StoreUnavailable.class);
        assertThatThrownBy(() -> codec.encode(claims(NOW))).isInstanceOf(StoreUnavailable.class);
    }

    @Test
    void afterAFailedFirstLoadTheStoreIsAskedAgainOnlyOnceTheGapHasPassed() {
        store.down = true;
        Jose4jTokenCodec codec = codec();
        String token = new TokenForge(key, NOW).genuine();
        assertThatThrownBy(() -> codec.decode(token)).isInstanceOf(StoreUnavailable.class);
        assertThatThrownBy(() -> codec.decode(token)).isInstanceOf(StoreUnavailable.class);
        assertThat(store.reads).hasValue(1);

        store.down = false;
        clock.advance(KeyRing.MIN_RELOAD_GAP);

        assertThat(codec.decode(token)).isInstanceOf(Verification.Valid.class);
        assertThat(store.reads).hasValue(2);
    }

    @Test
    void noTokenAtAllIsInvalidNotAnException() {
        assertThat(codec().decode(null)).isInstanceOf(Verification.Invalid.class);
        assertThat(codec().decode("")).isInstanceOf(Verification.Invalid.class);
    }

    @Test
    void theCodecNeedsAnIssuerAndAnAudience() {
        assertThatThrownBy(() -> new Jose4jTokenCodec(store, clock, " ", "api")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Jose4jTokenCodec(store, clock, "https://issuer", null)).isInstanceOf(IllegalArgumentException.class);
    }
}
