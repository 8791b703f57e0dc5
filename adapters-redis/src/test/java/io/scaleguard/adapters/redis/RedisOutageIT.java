package io.scaleguard.adapters.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.scaleguard.domain.ratelimit.BucketKey;
import io.scaleguard.domain.ratelimit.Limit;
import io.scaleguard.domain.ratelimit.RateLimitRequest;
import io.scaleguard.domain.ratelimit.RateLimiter;
import io.scaleguard.domain.ratelimit.RateLimiterUnavailable;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A Redis that dies while calls continue: each call fails with {@link RateLimiterUnavailable} and is reported as a
 * failed backend call; once Redis is back (with an empty memory and script cache) calls succeed again. Runs on a
 * private redis-server, the only one a test may stop. How long a failing call takes is the budget's business, bounded
 * in {@code RedisRateLimiter}; a stopwatch here would measure the machine's load, not the adapter.
 */
class RedisOutageIT {

    private static final Duration TIMEOUT = Duration.ofMillis(50);
    /** For what must succeed whatever the machine's load: a busy two-core box can take longer than 50 ms to answer. */
    private static final Duration GENEROUS = Duration.ofSeconds(10);
    /** Slow enough (a token every 43 minutes) that none returns during the test, however slow the machine: exact counts. */
    private static final Limit LIMIT = new Limit("burst", 1_000, 1_000, Duration.ofDays(30));

    private final RecordingEvents events = new RecordingEvents();
    private PrivateRedis redis;
    private RedisLimiterHandle handle;

    @BeforeEach
    void start() {
        redis = TestRedis.startPrivate();
        handle = RedisRateLimiters.standalone(redis.url(), TIMEOUT, "sg:", events);
    }

    @AfterEach
    void stop() {
        handle.close();
        redis.close();
    }

    @Test
    void failsWhileRedisIsDownAndRecoversWhenItIsBack() {
        RateLimiter limiter = handle.rateLimiter();
        RateLimitRequest request = RateLimitRequest.of(new BucketKey("outage:" + UUID.randomUUID()), LIMIT);
        warmUp(limiter, request);

        redis.stop();
        int callsBefore = events.calls().size();
        for (int i = 0; i < 20; i++) {
            assertThatThrownBy(() -> limiter.tryAcquire(request))
                    .isExactlyInstanceOf(RateLimiterUnavailable.class)
                    .satisfies(e -> assertThat(e.getCause()).as("no driver type crosses the port").isNull());
        }
        assertThat(handle.health().healthy()).isFalse();
        assertThat(events.calls().subList(callsBefore, events.calls().size()))
                .hasSize(20).allMatch(RecordingEvents.BackendCall::failed);

        // the restarted server has an empty script cache: the first call meets NOSCRIPT, reloads and retries
        redis.startAgain();
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(50)).ignoreException(RateLimiterUnavailable.class)
                .until(() -> limiter.tryAcquire(request).allowed());
        await().atMost(Duration.ofSeconds(15)).until(() -> handle.health().healthy());
    }

    @Test
    void reloadsTheScriptWhenRedisHasForgottenIt() {
        // the reload and the retry inside one call's budget: a generous one, so that only a missing reload fails it
        handle.close();
        handle = RedisRateLimiters.standalone(redis.url(), GENEROUS, "sg:", events);
        RateLimiter limiter = handle.rateLimiter();
        RateLimitRequest request = RateLimitRequest.of(new BucketKey("flush:" + UUID.randomUUID()), LIMIT);
        long remaining = limiter.tryAcquire(request).remaining();
        int callsBefore = events.calls().size();
        try (RedisInspector inspector = RedisInspector.of(redis.url())) {
            inspector.redisson().getScript().scriptFlush();
        }
        assertThat(limiter.tryAcquire(request).remaining()).isEqualTo(remaining - 1);
        assertThat(events.calls().subList(callsBefore, events.calls().size())).noneMatch(RecordingEvents.BackendCall::failed);
    }

    /**
     * The first decision of a cold JVM loads classes and opens the batch path: it may exceed a 50 ms budget, which
     * the application would answer with its failure mode. The test starts counting from a warm adapter.
     */
    private static void warmUp(RateLimiter limiter, RateLimitRequest request) {
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(10)).ignoreException(RateLimiterUnavailable.class)
                .until(() -> limiter.tryAcquire(request).allowed());
    }

    @Test
    void startsWhileRedisIsDownAndUsesItOnceItAnswers() {
        handle.close();
        redis.stop();
        handle = RedisRateLimiters.standalone(redis.url(), TIMEOUT, "sg:", events);
        RateLimitRequest request = RateLimitRequest.of(new BucketKey("late:" + UUID.randomUUID()), LIMIT);
        assertThatThrownBy(() -> handle.rateLimiter().tryAcquire(request)).isInstanceOf(RateLimiterUnavailable.class);
        assertThat(handle.health().healthy()).isFalse();

        redis.startAgain();
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(50)).ignoreException(RateLimiterUnavailable.class)
                .until(() -> handle.rateLimiter().tryAcquire(request).allowed());
    }
}
