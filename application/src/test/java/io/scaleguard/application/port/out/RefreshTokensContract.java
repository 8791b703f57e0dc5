package io.scaleguard.application.port.out;

import static org.assertj.core.api.Assertions.assertThat;

import io.scaleguard.application.port.out.RefreshTokens.Use;
import io.scaleguard.domain.auth.UserId;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/** What every store of refresh tokens must do; each test makes its own user and tokens. */
public abstract class RefreshTokensContract {

    protected static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    protected abstract RefreshTokens tokens();

    /** A user the store knows (a database may require the account to exist). */
    protected abstract UserId aUser();

    protected static String randomHash() {
        byte[] bytes = new byte[32];
        ThreadLocalRandom.current().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    protected RefreshToken saved(UserId user, UUID family, Instant familyExpiresAt) {
        RefreshToken token = new RefreshToken(randomHash(), family, user, Set.of("profile", "items"), NOW, familyExpiresAt);
        tokens().save(token);
        return token;
    }

    private RefreshToken saved() {
        return saved(aUser(), UUID.randomUUID(), NOW.plus(Duration.ofDays(1)));
    }

    @Test
    void findsASavedTokenByItsHash() {
        RefreshToken token = saved();
        assertThat(tokens().byHash(token.tokenHash())).contains(token);
        assertThat(tokens().byHash(randomHash())).isEmpty();
    }

    @Test
    void aTokenIsFreshOnceAndReusedAfterwards() {
        RefreshToken token = saved();
        assertThat(tokens().use(token.tokenHash(), NOW)).isEqualTo(new Use.Fresh(token));
        assertThat(tokens().use(token.tokenHash(), NOW)).isEqualTo(new Use.Reused(token));
    }

    @Test
    void exactlyOneOfManyConcurrentUsesIsFresh() throws Exception {
        RefreshToken token = saved();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Use>> uses = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                uses.add(() -> tokens().use(token.tokenHash(), NOW));
            }
            List<Use> results = new ArrayList<>();
            for (Future<Use> use : pool.invokeAll(uses)) {
                results.add(use.get());
            }
            assertThat(results).filteredOn(u -> u instanceof Use.Fresh).hasSize(1);
            assertThat(results).filteredOn(u -> u instanceof Use.Reused).hasSize(7);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anUnknownTokenIsInvalid() {
        assertThat(tokens().use(randomHash(), NOW)).isEqualTo(new Use.Invalid());
    }

    @Test
    void aTokenPastItsFamilysLifetimeIsInvalid() {
        RefreshToken token = saved(aUser(), UUID.randomUUID(), NOW.plusSeconds(60));
        assertThat(tokens().use(token.tokenHash(), NOW.plusSeconds(60))).isEqualTo(new Use.Invalid());
    }

    @Test
    void revokingAFamilyInvalidatesEveryTokenOfItAndNoOther() {
        UserId user = aUser();
        UUID family = UUID.randomUUID();
        RefreshToken first = saved(user, family, NOW.plus(Duration.ofDays(1)));
        RefreshToken second = saved(user, family, NOW.plus(Duration.ofDays(1)));
        RefreshToken otherFamily = saved(user, UUID.randomUUID(), NOW.plus(Duration.ofDays(1)));
        tokens().revokeFamily(family);
        assertThat(tokens().use(first.tokenHash(), NOW)).isEqualTo(new Use.Invalid());
        assertThat(tokens().use(second.tokenHash(), NOW)).isEqualTo(new Use.Invalid());
        assertThat(tokens().use(otherFamily.tokenHash(), NOW)).isInstanceOf(Use.Fresh.class);
    }

    @Test
    void revokingByHashEndsTheWholeFamilyAndIgnoresUnknownHashes() {
        UserId user = aUser();
        UUID family = UUID.randomUUID();
        RefreshToken first = saved(user, family, NOW.plus(Duration.ofDays(1)));
        RefreshToken second = saved(user, family, NOW.plus(Duration.ofDays(1)));
        tokens().revokeByHash(randomHash());
        tokens().revokeByHash(first.tokenHash());
        assertThat(tokens().use(second.tokenHash(), NOW)).isEqualTo(new Use.Invalid());
    }

    @Test
    void revokingAllOfAUserEndsEveryFamilyOfThatUserOnly() {
        UserId user = aUser();
        UserId someoneElse = aUser();
        RefreshToken one = saved(user, UUID.randomUUID(), NOW.plus(Duration.ofDays(1)));
        RefreshToken two = saved(user, UUID.randomUUID(), NOW.plus(Duration.ofDays(1)));
        RefreshToken theirs = saved(someoneElse, UUID.randomUUID(), NOW.plus(Duration.ofDays(1)));
        tokens().revokeAllOf(user);
        assertThat(tokens().use(one.tokenHash(), NOW)).isEqualTo(new Use.Invalid());
        assertThat(tokens().use(two.tokenHash(), NOW)).isEqualTo(new Use.Invalid());
        assertThat(tokens().use(theirs.tokenHash(), NOW)).isInstanceOf(Use.Fresh.class);
    }

    @Test
    void purgesFamiliesPastTheirLifetimeWithTheirTokensAndKeepsLiveOnes() {
        UserId user = aUser();
        RefreshToken ended = saved(user, UUID.randomUUID(), NOW.plusSeconds(60));
        RefreshToken live = saved(user, UUID.randomUUID(), NOW.plus(Duration.ofDays(1)));
        assertThat(tokens().purgeEndedBefore(NOW.plusSeconds(120))).isPositive();
        assertThat(tokens().byHash(ended.tokenHash())).isEmpty();
        assertThat(tokens().byHash(live.tokenHash())).contains(live);
        assertThat(tokens().use(live.tokenHash(), NOW)).isInstanceOf(Use.Fresh.class);
    }

    @Test
    void purgesRevokedFamiliesOnceTheirRevocationIsOlderThanTheCutoff() {
        RefreshToken revoked = saved(aUser(), UUID.randomUUID(), NOW.plus(Duration.ofDays(1)));
        tokens().revokeFamily(revoked.familyId());
        tokens().purgeEndedBefore(Instant.now().minusSeconds(3600));
        assertThat(tokens().byHash(revoked.tokenHash())).as("revoked just now: not before the cutoff").isPresent();
        tokens().purgeEndedBefore(Instant.now().plusSeconds(60));
        assertThat(tokens().byHash(revoked.tokenHash())).isEmpty();
        assertThat(tokens().use(revoked.tokenHash(), NOW)).isEqualTo(new Use.Invalid());
    }
}
