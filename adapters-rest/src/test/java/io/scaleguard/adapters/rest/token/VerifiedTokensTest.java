package io.scaleguard.adapters.rest.token;

import static org.assertj.core.api.Assertions.assertThat;

import io.scaleguard.adapters.rest.testing.FakeUseCases;
import io.scaleguard.application.port.out.AccessTokenClaims;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class VerifiedTokensTest {

    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    private static VerifiedTokens.Entry entry(Instant validUntil) {
        return entry("kid", validUntil);
    }

    private static VerifiedTokens.Entry entry(String keyId, Instant validUntil) {
        AccessTokenClaims claims = new AccessTokenClaims(FakeUseCases.ALICE.id(), FakeUseCases.ALICE.username(),
                FakeUseCases.ALICE.plan(), Set.of(), Set.of(), "jti", NOW.minusSeconds(1), validUntil);
        return new VerifiedTokens.Entry(claims, keyId, validUntil);
    }

    @Test
    void forgetsATokenOnceItExpires() {
        VerifiedTokens tokens = new VerifiedTokens(10);
        tokens.put("t", entry(NOW.plusSeconds(5)), NOW);

        assertThat(tokens.get("t", NOW.plusSeconds(4))).isPresent();
        assertThat(tokens.get("t", NOW.plusSeconds(5))).isEmpty();
        assertThat(tokens.size()).isZero();
    }

    @Test
    void makesRoomByDroppingExpiredTokensFirst() {
        VerifiedTokens tokens = new VerifiedTokens(3);
        tokens.put("old-1", entry(NOW.plusSeconds(1)), NOW);
        tokens.put("old-2", entry(NOW.plusSeconds(1)), NOW);
        tokens.put("live", entry(NOW.plusSeconds(600)), NOW);

        tokens.put("new", entry(NOW.plusSeconds(600)), NOW.plusSeconds(2));

        assertThat(tokens.size()).isEqualTo(2);
        assertThat(tokens.get("live", NOW.plusSeconds(2))).isPresent();
        assertThat(tokens.get("new", NOW.plusSeconds(2))).isPresent();
    }

    @Test
    void neverGrowsPastItsBoundEvenWhenEveryTokenIsLive() {
        VerifiedTokens tokens = new VerifiedTokens(100);
        for (int i = 0; i < 1_000; i++) {
            tokens.put("token-" + i, entry(NOW.plusSeconds(600)), NOW);
        }

        assertThat(tokens.size()).isLessThanOrEqualTo(100);
        assertThat(tokens.get("token-999", NOW)).isPresent();
    }

    @Test
    void forgetsTheTokensOfAKeyWhoseRecordChangedAndKeepsTheOthers() {
        VerifiedTokens tokens = new VerifiedTokens(10);
        tokens.put("old-key", entry("kid-1", NOW.plusSeconds(600)), NOW);
        tokens.put("new-key", entry("kid-2", NOW.plusSeconds(600)), NOW);

        tokens.forgetSignedBy("kid-1");

        assertThat(tokens.get("old-key", NOW)).isEmpty();
        assertThat(tokens.get("new-key", NOW)).isPresent();
    }
}
