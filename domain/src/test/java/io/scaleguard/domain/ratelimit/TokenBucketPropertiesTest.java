package io.scaleguard.domain.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

/** Properties of the token-bucket maths (jqwik: random cases, shrunk to the smallest counter-example on failure). */
class TokenBucketPropertiesTest {

    private static final BucketKey KEY = new BucketKey("user:42");

    /**
     * Any limit from a burst of 1 to 1,000, refilled from 500 tokens per microsecond down to 1 token per hour, and as
     * often round ones such as 10 per second, whose refill is exactly one unit per microsecond, where off-by-one errors show.
     */
    @Provide
    static Arbitrary<Limit> limits() {
        Arbitrary<Limit> round = Combinators.combine(Arbitraries.longs().between(1, 1_000), Arbitraries.of(1L, 2L, 5L, 10L, 100L),
                Arbitraries.of(Duration.ofSeconds(1), Duration.ofMinutes(1), Duration.ofHours(1))).as((c, t, p) -> new Limit("l", c, t, p));
        Arbitrary<Limit> odd = Combinators.combine(Arbitraries.longs().between(1, 1_000), Arbitraries.longs().between(1, 500),
                Arbitraries.longs().between(1, 3_600_000_000L)).as((c, t, micros) -> new Limit("l", c, t, Duration.ofNanos(micros * 1_000)));
        return Arbitraries.oneOf(round, odd);
    }

    @Provide
    static Arbitrary<List<Long>> gaps() {
        return Arbitraries.longs().between(0, 2_000_000).list().ofMaxSize(300);
    }

    @Property
    void neverAdmitsMoreThanCapacityPlusRefillOverAnyInterval(@ForAll("limits") Limit limit, @ForAll("gaps") List<Long> gaps) {
        BucketState state = null;
        long start = 1_700_000_000_000_000L;
        long now = start;
        long admitted = 0;
        for (long gap : gaps) {
            now += gap;
            TokenBucket.Outcome outcome = TokenBucket.decide(state, RateLimitRequest.of(KEY, limit), now);
            if (outcome.decision().allowed()) {
                admitted++;
                state = outcome.stateToStore();
            }
        }
        // C + r*t, with r*t exact in units: floor(t * refillUnitsPerMicro / unitsPerToken)
        long refilled = Math.multiplyHigh(now - start, limit.refillUnitsPerMicro()) == 0
                ? (now - start) * limit.refillUnitsPerMicro() / limit.unitsPerToken() : Long.MAX_VALUE;
        assertThat(admitted).isLessThanOrEqualTo(limit.capacity() + refilled);
    }

    @Property
    void admitsExactlyTheRefillAfterDraining(@ForAll("limits") Limit limit, @ForAll @LongRange(max = 10_000_000_000L) long wait) {
        long now = 1_000_000;
        BucketState state = drain(limit, now);
        long later = now + wait;
        long admitted = 0;
        TokenBucket.Outcome outcome;
        while ((outcome = TokenBucket.decide(state, RateLimitRequest.of(KEY, limit), later)).decision().allowed()) {
            state = outcome.stateToStore();
            admitted++;
        }
        long fillMicros = Limit.ceilDiv(limit.capacityUnits(), limit.refillUnitsPerMicro());
        long expected = Math.min(limit.capacity(), Math.min(wait, fillMicros) * limit.refillUnitsPerMicro() / limit.unitsPerToken());
        assertThat(admitted).isEqualTo(expected);
    }

    @Property
    void retryAfterIsTheExactMomentTheRequestWouldSucceed(@ForAll("limits") Limit limit, @ForAll @LongRange(min = 1, max = 5) long cost) {
        RateLimitRequest request = new RateLimitRequest(KEY, List.of(limit), Math.min(cost, limit.capacity()));
        long now = 5_000_000;
        BucketState state = drain(limit, now);
        Decision refused = TokenBucket.decide(state, request, now).decision();
        assertThat(refused.allowed()).isFalse();
        long retryMicros = refused.retryAfter().toNanos() / 1_000;
        assertThat(TokenBucket.decide(state, request, now + retryMicros - 1).decision().allowed()).isFalse();
        assertThat(TokenBucket.decide(state, request, now + retryMicros).decision().allowed()).isTrue();
    }

    @Property
    void aClockThatRunsBackwardsCountsAsTheLastUpdateTime(@ForAll("limits") Limit limit,
                                                         @ForAll @LongRange(min = 1, max = 1_000_000_000L) long skew) {
        long now = 10_000_000_000L;
        BucketState state = TokenBucket.decide(null, RateLimitRequest.of(KEY, limit), now).stateToStore();
        TokenBucket.Outcome behind = TokenBucket.decide(state, RateLimitRequest.of(KEY, limit), now - skew);
        TokenBucket.Outcome atStored = TokenBucket.decide(state, RateLimitRequest.of(KEY, limit), now);
        assertThat(behind).isEqualTo(atStored);
        if (behind.stateToStore() != null) {
            assertThat(behind.stateToStore().updatedAtMicros()).isEqualTo(now);
        }
    }

    @Property
    void severalLimitsAreConsumedAllOrNothing(@ForAll("limits") Limit first, @ForAll("limits") Limit second,
                                              @ForAll @Size(max = 100) List<@LongRange(max = 500_000) Long> gaps) {
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

    @Property
    void aRefusalTakesNothingAndAlwaysSaysWhenToRetry(@ForAll("limits") Limit limit) {
        long now = 77_000_000;
        TokenBucket.Outcome refused = TokenBucket.decide(drain(limit, now), RateLimitRequest.of(KEY, limit), now);
        assertThat(refused.decision().allowed()).isFalse();
        assertThat(refused.stateToStore()).isNull();
        assertThat(refused.decision().retryAfterSeconds()).isPositive();
    }

    @Property
    void aWeightedRequestCostsAsMuchAsThatManySingleOnes(@ForAll("limits") Limit limit, @ForAll @LongRange(min = 1, max = 1_000) long cost) {
        long weight = Math.min(cost, limit.capacity());
        Decision weighted = TokenBucket.decide(null, new RateLimitRequest(KEY, List.of(limit), weight), 0).decision();
        BucketState state = null;
        for (long i = 0; i < weight; i++) {
            state = TokenBucket.decide(state, RateLimitRequest.of(KEY, limit), 0).stateToStore();
        }
        assertThat(weighted.remaining()).isEqualTo(state.level(0) / limit.unitsPerToken());
    }

    @Property
    void timeToLiveIsTheTimeUntilTheBucketIsFull(@ForAll("limits") Limit limit) {
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
