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
 * A Redis that dies while calls continue: each call fails within its budget with {@link RateLimiterUnavailable} and is
 * reported as a failed backend call; once Redis is back (with an empty memory and script cache) calls succeed again.
 * Runs on a private redis-server, the only one a test may stop.
 */
class RedisOutageIT {

    private static final Duration TIMEOUT = Duration.ofMillis(50);
    /**
     * What "never hangs past the budget" may add to it on a two-core machine shared with other builds: scheduling and
     * GC pauses, not Redis. Still far below what Redisson's defaults would take (seconds, retried three times).
     */
    private static final Duration SCHEDULING_ALLOWANCE = Duration.ofSeconds(1);
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
    void failsFastWhileRedisIsDownAndRecoversWhenItIsBack() {
        RateLimiter limiter = handle.rateLimiter();
        RateLimitRequest request = RateLimitRequest.of(new BucketKey("outage:" + UUID.randomUUID()), LIMIT);
        warmUp(limiter, request);

        redis.stop();
        int callsBefore = events.calls().size();
        for (int i = 0; i < 20; i++) {
            long start = System.nanoTime();
            assertThatThrownBy(() -> limiter.tryAcquire(request))
                    .isExactlyInstanceOf(RateLimiterUnavailable.class)
                    .satisfies(e -> assertThat(e.getCause()).as("no driver type crosses the port").isNull());
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(TIMEOUT.plus(SCHEDULING_ALLOWANCE));
        }
        assertThat(handle.health().healthy()).isFalse();
        assertThat(events.calls().subList(callsBefore, events.calls().size()))
                .hasSize(20).allMatch(RecordingEvents.BackendCall::failed);

        // the restarted server has an empty script cache: the first call meets NOSCRIPT, reloads and retries
        redis.startAgain();
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(50)).ignoreException(RateLimiterUnavailable.class)
                .until(() -> limiter.tryAcquire(request).allowed());
        assertThat(handle.health().healthy()).isTrue();
    }

    @Test
    void reloadsTheScriptWhenRedisHasForgottenIt() {
        RateLimiter limiter = handle.rateLimiter();
        RateLimitRequest request = RateLimitRequest.of(new BucketKey("flush:" + UUID.randomUUID()), LIMIT);
        warmUp(limiter, request);
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
