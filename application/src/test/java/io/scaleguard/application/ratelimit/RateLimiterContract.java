package io.scaleguard.application.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.scaleguard.domain.ratelimit.BucketKey;
import io.scaleguard.domain.ratelimit.Decision;
import io.scaleguard.domain.ratelimit.Limit;
import io.scaleguard.domain.ratelimit.RateLimitRequest;
import io.scaleguard.domain.ratelimit.RateLimiter;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * What every {@link RateLimiter} adapter must do, whatever holds its buckets. Extend it, return the adapter from
 * {@link #limiter()}, and the adapter is held to the same behaviour as every other one. Each test uses fresh keys,
 * so the contract can run against a shared server and be rerun without clean-up.
 */
public abstract class RateLimiterContract {

    /** Slow enough that no token comes back during a test: the bucket's level is then fully deterministic. */
    protected static final Limit TEN_PER_HOUR_BURST_TEN = new Limit("burst", 10, 10, Duration.ofHours(1));

    protected abstract RateLimiter limiter();

    protected BucketKey freshKey() {
        return new BucketKey("contract:" + UUID.randomUUID());
    }

    @Test
    void refusesTheEleventhRequestInABurstOfTen() {
        BucketKey key = freshKey();
        for (int i = 0; i < 10; i++) {
            Decision decision = limiter().tryAcquire(RateLimitRequest.of(key, TEN_PER_HOUR_BURST_TEN));
            assertThat(decision.allowed()).as("request %d", i + 1).isTrue();
            assertThat(decision.remaining()).isEqualTo(9 - i);
        }
        Decision eleventh = limiter().tryAcquire(RateLimitRequest.of(key, TEN_PER_HOUR_BURST_TEN));
        assertThat(eleventh.allowed()).isFalse();
        assertThat(eleventh.remaining()).isZero();
        assertThat(eleventh.limit()).isEqualTo(TEN_PER_HOUR_BURST_TEN);
    }

    @Test
    void saysWhenToRetryAndWhenTheBucketIsFullAgain() {
        BucketKey key = freshKey();
        drain(key, TEN_PER_HOUR_BURST_TEN);
        Decision refused = limiter().tryAcquire(RateLimitRequest.of(key, TEN_PER_HOUR_BURST_TEN));
        // one token every 360 s; the drain itself took a moment of that
        assertThat(refused.retryAfter()).isBetween(Duration.ofSeconds(350), Duration.ofSeconds(360));
        assertThat(refused.retryAfterSeconds()).isBetween(350L, 360L);
        assertThat(refused.resetAfter()).isBetween(Duration.ofSeconds(3590), Duration.ofSeconds(3600));
    }

    @Test
    void aFirstRequestReportsTheTimeUntilItsOwnTokenReturns() {
        Decision first = limiter().tryAcquire(RateLimitRequest.of(freshKey(), TEN_PER_HOUR_BURST_TEN));
        assertThat(first.allowed()).isTrue();
        assertThat(first.retryAfter()).isZero();
        assertThat(first.resetAfter()).isEqualTo(Duration.ofSeconds(360));
    }

    @Test
    void chargesAWeightedRequestItsFullCost() {
        BucketKey key = freshKey();
        assertThat(limiter().tryAcquire(new RateLimitRequest(key, List.of(TEN_PER_HOUR_BURST_TEN), 4)).remaining()).isEqualTo(6);
        assertThat(limiter().tryAcquire(new RateLimitRequest(key, List.of(TEN_PER_HOUR_BURST_TEN), 7)).allowed()).isFalse();
        Decision six = limiter().tryAcquire(new RateLimitRequest(key, List.of(TEN_PER_HOUR_BURST_TEN), 6));
        assertThat(six.allowed()).isTrue();
        assertThat(six.remaining()).isZero();
    }

    @Test
    void consumesSeveralLimitsAllOrNothingAndNamesTheOneThatRefused() {
        Limit perMinute = new Limit("minute", 5, 5, Duration.ofHours(1));
        Limit perHour = new Limit("hour", 3, 3, Duration.ofHours(1));
        RateLimitRequest both = new RateLimitRequest(freshKey(), List.of(perMinute, perHour), 1);
        for (int i = 0; i < 3; i++) {
            assertThat(limiter().tryAcquire(both).allowed()).isTrue();
        }
        Decision refused = limiter().tryAcquire(both);
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.limit().name()).isEqualTo("hour");
        // the refusal took nothing from the other limit: two tokens of "minute" are left, none of "hour"
        Decision cheaper = limiter().tryAcquire(new RateLimitRequest(both.key(), List.of(perMinute, perHour), 1));
        assertThat(cheaper.allowed()).isFalse();
        assertThat(cheaper.remaining()).isZero();
    }

    @Test
    void reportsTheMostRestrictiveLimitWhenAllowed() {
        Limit wide = new Limit("wide", 100, 100, Duration.ofHours(1));
        Limit narrow = new Limit("narrow", 4, 4, Duration.ofHours(1));
        Decision decision = limiter().tryAcquire(new RateLimitRequest(freshKey(), List.of(wide, narrow), 1));
        assertThat(decision.limit().name()).isEqualTo("narrow");
        assertThat(decision.remaining()).isEqualTo(3);
    }

    @Test
    void keepsEveryKeyInItsOwnBucket() {
        BucketKey first = freshKey();
        drain(first, TEN_PER_HOUR_BURST_TEN);
        assertThat(limiter().tryAcquire(RateLimitRequest.of(first, TEN_PER_HOUR_BURST_TEN)).allowed()).isFalse();
        assertThat(limiter().tryAcquire(RateLimitRequest.of(freshKey(), TEN_PER_HOUR_BURST_TEN)).allowed()).isTrue();
    }

    @Test
    void refillsContinuouslyOverRealTime() {
        Limit fast = new Limit("fast", 2, 20, Duration.ofSeconds(1));
        BucketKey key = freshKey();
        drain(key, fast);
        await().atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(10))
                .until(() -> limiter().tryAcquire(RateLimitRequest.of(key, fast)).allowed());
    }

    @Test
    void admitsExactlyTheCapacityUnderConcurrentRequestsOnOneKey() throws Exception {
        Limit hundred = new Limit("burst", 100, 1, Duration.ofHours(1));
        BucketKey key = freshKey();
        AtomicInteger admitted = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(32);
        try {
            List<Future<?>> calls = new java.util.ArrayList<>();
            for (int t = 0; t < 32; t++) {
                calls.add(pool.submit(() -> {
                    for (int i = 0; i < 10; i++) {
                        if (limiter().tryAcquire(RateLimitRequest.of(key, hundred)).allowed()) {
                            admitted.incrementAndGet();
                        }
                    }
                }));
            }
            for (Future<?> call : calls) {
                call.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(admitted.get()).isEqualTo(100);
    }

    protected void drain(BucketKey key, Limit limit) {
        for (long i = 0; i < limit.capacity(); i++) {
            assertThat(limiter().tryAcquire(RateLimitRequest.of(key, limit)).allowed()).isTrue();
        }
    }
}
