package io.scaleguard.domain.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import static io.scaleguard.domain.RandomCases.between;

import java.util.ArrayList;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Properties of the token-bucket maths, each checked on 300 random cases (see {@link io.scaleguard.domain.RandomCases}). */
class TokenBucketPropertiesTest {

    private static final String SEEDS = "io.scaleguard.domain.RandomCases#seeds";

    private static final BucketKey KEY = new BucketKey("user:42");

    /**
     * Any limit from a burst of 1 to 1,000, refilled from 500 tokens per microsecond down to 1 token per hour; half of
     * them round ones such as 10 per second, whose refill is exactly one unit per microsecond, where off-by-one
     * errors show.
     */
    static Limit anyLimit(SplittableRandom random) {
        if (random.nextBoolean()) {
            long[] tokens = {1, 2, 5, 10, 100};
            Duration[] periods = {Duration.ofSeconds(1), Duration.ofMinutes(1), Duration.ofHours(1)};
            return new Limit("l", between(random, 1, 1_000), tokens[random.nextInt(tokens.length)], periods[random.nextInt(periods.length)]);
        }
        return new Limit("l", between(random, 1, 1_000), between(random, 1, 500),
                Duration.ofNanos(between(random, 1, 3_600_000_000L) * 1_000));
    }

    static List<Long> gaps(SplittableRandom random, int maxSize, long maxGap) {
        List<Long> gaps = new ArrayList<>();
        long size = between(random, 0, maxSize);
        for (int i = 0; i < size; i++) {
            gaps.add(between(random, 0, maxGap));
        }
        return gaps;
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource(SEEDS)
    void neverAdmitsMoreThanCapacityPlusRefillOverAnyInterval(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Limit limit = anyLimit(random);
        List<Long> gaps = gaps(random, 300, 2_000_000);
        BucketState state = null;
        long now = 1_700_000_000_000_000L;
        long start = now;
        long admitted = 0;
        for (long gap : gaps) {
            now += gap;
            TokenBucket.Outcome outcome = TokenBucket.decide(state, RateLimitRequest.of(KEY, limit), now);
            if (outcome.decision().allowed()) {
                admitted++;
                state = outcome.stateToStore();
            }
        }
        // C + r*t, where r*t is exact in units: floor((t * refillUnitsPerMicro) / unitsPerToken).
        long refilledTokens = Math.multiplyHigh(now - start, limit.refillUnitsPerMicro()) == 0
                ? (now - start) * limit.refillUnitsPerMicro() / limit.unitsPerToken() : Long.MAX_VALUE;
        assertThat(admitted).isLessThanOrEqualTo(limit.capacity() + refilledTokens);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource(SEEDS)
    void admitsExactlyTheRefillAfterDraining(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Limit limit = anyLimit(random);
        long wait = between(random, 0, 10_000_000_000L);
        long now = 1_000_000;
        BucketState state = drain(limit, now);
        long later = now + wait;
        long admitted = 0;
        TokenBucket.Outcome outcome;
        while ((outcome = TokenBucket.decide(state, RateLimitRequest.of(KEY, limit), later)).decision().allowed()) {
            state = outcome.stateToStore();
            admitted++;
        }
        long expected = Math.min(limit.capacity(),
                Math.min(wait, Limit.ceilDiv(limit.capacityUnits(), limit.refillUnitsPerMicro())) * limit.refillUnitsPerMicro() / limit.unitsPerToken());
        assertThat(admitted).isEqualTo(expected);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource(SEEDS)
    void retryAfterIsTheExactMomentTheRequestWouldSucceed(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Limit limit = anyLimit(random);
        long cost2 = Math.min(between(random, 1, 5), limit.capacity());
        RateLimitRequest request = new RateLimitRequest(KEY, List.of(limit), cost2);
        long now = 5_000_000;
        BucketState state = drain(limit, now);
        Decision refused = TokenBucket.decide(state, request, now).decision();
        assertThat(refused.allowed()).isFalse();
        long retryMicros = refused.retryAfter().toNanos() / 1_000;
        assertThat(TokenBucket.decide(state, request, now + retryMicros - 1).decision().allowed()).isFalse();
        assertThat(TokenBucket.decide(state, request, now + retryMicros).decision().allowed()).isTrue();
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource(SEEDS)
    void aClockThatRunsBackwardsCountsAsTheLastUpdateTime(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Limit limit = anyLimit(random);
        long skew = between(random, 1, 1_000_000_000L);
        long now = 10_000_000_000L;
        BucketState state = TokenBucket.decide(null, RateLimitRequest.of(KEY, limit), now).stateToStore();
        TokenBucket.Outcome behind = TokenBucket.decide(state, RateLimitRequest.of(KEY, limit), now - skew);
        TokenBucket.Outcome atStored = TokenBucket.decide(state, RateLimitRequest.of(KEY, limit), now);
        assertThat(behind).isEqualTo(atStored);
        if (behind.stateToStore() != null) {
            assertThat(behind.stateToStore().updatedAtMicros()).isEqualTo(now);
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource(SEEDS)
    void severalLimitsAreConsumedAllOrNothing(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Limit first = anyLimit(random);
        Limit second = anyLimit(random);
        List<Long> gaps = gaps(random, 100, 500_000);
        Limit a = new Limit("a", first.capacity(), first.refillTokens(), first.refillPeriod());
        Limit b = new Limit("b", second.capacity(), second.refillTokens(), second.refillPeriod());
        RateLimitRequest both = new RateLimitRequest(KEY, List.of(a, b), 1);
        BucketState state = null;
        long now = 0;
        for (long gap : gaps) {
            now += gap;
            TokenBucket.Outcome outcome = TokenBucket.decide(state, both, now);
            boolean aAlone = TokenBucket.decide(project(state, 0), RateLimitRequest.of(KEY, a), now).decision().allowed();
            boolean bAlone = TokenBucket.decide(project(state, 1), RateLimitRequest.of(KEY, b), now).decision().allowed();
            assertThat(outcome.decision().allowed()).isEqualTo(aAlone && bAlone);
            if (outcome.decision().allowed()) {
                state = outcome.stateToStore();
            } else {
                assertThat(outcome.stateToStore()).as("a refusal stores nothing").isNull();
            }
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource(SEEDS)
    void aRefusalTakesNothing(long seed) {
        Limit limit = anyLimit(new SplittableRandom(seed));
        long now = 77_000_000;
        BucketState drained = drain(limit, now);
        TokenBucket.Outcome refused = TokenBucket.decide(drained, RateLimitRequest.of(KEY, limit), now);
        assertThat(refused.decision().allowed()).isFalse();
        assertThat(refused.stateToStore()).isNull();
        assertThat(refused.decision().retryAfterSeconds()).isPositive();
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource(SEEDS)
    void timeToLiveIsTheTimeUntilTheBucketIsFull(long seed) {
        Limit limit = anyLimit(new SplittableRandom(seed));
        TokenBucket.Outcome first = TokenBucket.decide(null, RateLimitRequest.of(KEY, limit), 0);
        assertThat(first.timeToLive().toNanos() / 1_000).isEqualTo(Limit.ceilDiv(limit.unitsPerToken(), limit.refillUnitsPerMicro()));
        assertThat(first.decision().remaining()).isEqualTo(limit.capacity() - 1);
    }

    private static BucketState drain(Limit limit, long now) {
        BucketState state = null;
        TokenBucket.Outcome outcome;
        while ((outcome = TokenBucket.decide(state, RateLimitRequest.of(KEY, limit), now)).decision().allowed()) {
            state = outcome.stateToStore();
        }
        return state;
    }

    private static BucketState project(BucketState state, int index) {
        return state == null ? null : new BucketState(state.updatedAtMicros(), new long[] {state.level(index)});
    }
}
