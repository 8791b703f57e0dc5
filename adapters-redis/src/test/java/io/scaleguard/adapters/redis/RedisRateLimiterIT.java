package io.scaleguard.adapters.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.scaleguard.application.ratelimit.RateLimiterContract;
import io.scaleguard.domain.ratelimit.BucketKey;
import io.scaleguard.domain.ratelimit.Decision;
import io.scaleguard.domain.ratelimit.Limit;
import io.scaleguard.domain.ratelimit.RateLimitRequest;
import io.scaleguard.domain.ratelimit.RateLimiter;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The rate-limiter contract, and what only Redis can show, against the shared test Redis (see {@link TestRedis}). */
class RedisRateLimiterIT extends RateLimiterContract {

    /** Generous: the contract checks decisions, not speed, on a machine shared with other builds. */
    private static final Duration TIMEOUT = Duration.ofSeconds(2);
    private static final String PREFIX = TestRedis.uniqueKeyPrefix();
    private static final RecordingEvents EVENTS = new RecordingEvents();

    private static RedisLimiterHandle handle;
    private static RedisInspector inspector;

    @BeforeAll
    static void connect() {
        handle = RedisRateLimiters.standalone(TestRedis.url(), TIMEOUT, PREFIX, EVENTS);
        inspector = RedisInspector.of(TestRedis.url());
    }

    @AfterAll
    static void disconnect() {
        handle.close();
        inspector.close();
    }

    @Override
    protected RateLimiter limiter() {
        return handle.rateLimiter();
    }

    @Test
    void keepsASubjectInOneCompactKeyUnderItsHashTagUntilItsBucketsAreFull() {
        BucketKey key = freshKey();
        Decision decision = limiter().tryAcquire(RateLimitRequest.of(key, TEN_PER_HOUR_BURST_TEN));

        String redisKey = PREFIX + "{" + key.value() + "}";
        byte[] raw = inspector.raw(redisKey);
        assertThat(raw).as("update time and one level, 7 bytes each").hasSize(14);
        assertThat(RedisInspector.unpack(raw)[1]).isEqualTo(TEN_PER_HOUR_BURST_TEN.capacityUnits() - TEN_PER_HOUR_BURST_TEN.unitsPerToken());
        // Set to the time until the bucket is full again (one token: 6 minutes) plus the script's second of slack, and
        // counting down since: more than the slack alone, which even a stalled machine passes with minutes to spare.
        assertThat(decision.resetAfter()).isEqualTo(Duration.ofMinutes(6));
        assertThat(inspector.pttl(redisKey)).isGreaterThan(1_000L).isLessThanOrEqualTo(decision.resetAfter().plusSeconds(1).toMillis());
    }

    @Test
    void keepsAllLimitsOfASubjectInTheSameKey() {
        BucketKey key = freshKey();
        RateLimitRequest twoLimits = new RateLimitRequest(key, List.of(TEN_PER_HOUR_BURST_TEN,
                new Limit("daily", 100, 100, Duration.ofDays(1))), 3);
        limiter().tryAcquire(twoLimits);
        byte[] raw = inspector.raw(PREFIX + "{" + key.value() + "}");
        assertThat(raw).hasSize(21);
        assertThat(RedisInspector.unpack(raw)[1]).isEqualTo(7 * TEN_PER_HOUR_BURST_TEN.unitsPerToken());
        assertThat(RedisInspector.unpack(raw)[2]).isEqualTo(97 * new Limit("daily", 100, 100, Duration.ofDays(1)).unitsPerToken());
    }

    @Test
    void aRefusalWritesNothing() {
        BucketKey key = freshKey();
        drain(key, TEN_PER_HOUR_BURST_TEN);
        String redisKey = PREFIX + "{" + key.value() + "}";
        byte[] before = inspector.raw(redisKey);
        Decision refused = limiter().tryAcquire(RateLimitRequest.of(key, TEN_PER_HOUR_BURST_TEN));
        assertThat(refused.allowed()).isFalse();
        assertThat(inspector.raw(redisKey)).isEqualTo(before);
    }

    @Test
    void reportsEveryRoundTripAsASuccessfulBackendCall() {
        int before = EVENTS.calls().size();
        limiter().tryAcquire(RateLimitRequest.of(freshKey(), TEN_PER_HOUR_BURST_TEN));
        limiter().tryAcquire(RateLimitRequest.of(freshKey(), TEN_PER_HOUR_BURST_TEN));
        List<RecordingEvents.BackendCall> calls = EVENTS.calls().subList(before, EVENTS.calls().size());
        assertThat(calls).hasSizeGreaterThanOrEqualTo(2).allSatisfy(call -> {
            assertThat(call.failed()).isFalse();
            assertThat(call.latency()).isPositive();
        });
    }

    @Test
    void isHealthyWhileRedisAnswers() {
        assertThat(handle.health().name()).isEqualTo("redis");
        assertThat(handle.health().healthy()).isTrue();
    }

    @Test
    void loadsTheScriptUnderTheShaOfItsExactBytes() {
        DecisionScript script = new DecisionScript(PREFIX);
        assertThat(inspector.redisson().getScript().scriptLoad(script.source())).isEqualTo(script.sha());
    }
}
