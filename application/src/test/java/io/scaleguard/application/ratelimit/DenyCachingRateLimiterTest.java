package io.scaleguard.application.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import io.scaleguard.application.MutableClock;
import io.scaleguard.application.testing.RecordingRateLimitEvents;
import io.scaleguard.domain.ratelimit.BucketKey;
import io.scaleguard.domain.ratelimit.Decision;
import io.scaleguard.domain.ratelimit.Limit;
import io.scaleguard.domain.ratelimit.RateLimitRequest;
import io.scaleguard.domain.ratelimit.RateLimiter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class DenyCachingRateLimiterTest extends RateLimiterContract {

    private static final Limit ONE_PER_SECOND = new Limit("burst", 2, 1, Duration.ofSeconds(1));

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final RecordingRateLimitEvents events = new RecordingRateLimitEvents();
    private final AtomicInteger storeCalls = new AtomicInteger();
    private final InProcessRateLimiter store = new InProcessRateLimiter(clock);
    private final RateLimiter counted = request -> {
        storeCalls.incrementAndGet();
        return store.tryAcquire(request);
    };
    private final DenyCachingRateLimiter limiter = new DenyCachingRateLimiter(AttributedRateLimiter.authoritative(counted), clock, events);
    private final DenyCachingRateLimiter contractLimiter = new DenyCachingRateLimiter(
            AttributedRateLimiter.authoritative(new InProcessRateLimiter(Clock.systemUTC())), Clock.systemUTC(), events);

    @Override
    protected RateLimiter limiter() {
        return contractLimiter;
    }

    @Test
    void answersARefusedKeyLocallyUntilItsRetryAfterWithoutAskingTheStore() {
        RateLimitRequest request = RateLimitRequest.of(new BucketKey("user:hot"), ONE_PER_SECOND);
        limiter.tryAcquire(request);
        limiter.tryAcquire(request);
        Decision refused = limiter.tryAcquire(request);
        assertThat(refused.allowed()).isFalse();
        assertThat(storeCalls).hasValue(3);

        for (int i = 0; i < 1_000; i++) {
            assertThat(limiter.tryAcquire(request).allowed()).isFalse();
        }
        clock.advance(Duration.ofMillis(400));
        Decision cached = limiter.tryAcquire(request);
        assertThat(cached.allowed()).isFalse();
        assertThat(cached.retryAfter()).isEqualTo(refused.retryAfter().minusMillis(400));
        assertThat(storeCalls).as("refusals until the retry-after cost no store call").hasValue(3);
        assertThat(events.denyCacheHits).hasValue(1_001);

        clock.advance(refused.retryAfter().minusMillis(400));
        assertThat(limiter.tryAcquire(request).allowed()).isTrue();
        assertThat(storeCalls).hasValue(4);
    }

    @Test
    void asksTheStoreForACheaperRequestOrOtherLimits() {
        Limit five = new Limit("burst", 5, 1, Duration.ofHours(1));
        BucketKey key = new BucketKey("user:mixed");
        limiter.tryAcquire(new RateLimitRequest(key, List.of(five), 4));
        assertThat(limiter.tryAcquire(new RateLimitRequest(key, List.of(five), 3)).allowed()).isFalse();
        Limit otherPlan = new Limit("burst", 50, 1, Duration.ofHours(1));
        limiter.tryAcquire(new RateLimitRequest(key, List.of(otherPlan), 3));
        assertThat(storeCalls).as("a refusal under other limits says nothing about these").hasValue(3);
        assertThat(limiter.tryAcquire(new RateLimitRequest(key, List.of(five), 1)).allowed())
                .as("one token is left: the refusal of three must not hide it").isTrue();
        assertThat(storeCalls).hasValue(4);
    }

    @Test
    void forgetsRefusalsOnceTheyHaveExpired() {
        for (int i = 0; i < 100; i++) {
            RateLimitRequest request = new RateLimitRequest(new BucketKey("user:" + i), List.of(ONE_PER_SECOND), 2);
            limiter.tryAcquire(request);
            limiter.tryAcquire(request);
        }
        assertThat(limiter.size()).isEqualTo(100);
        clock.advance(Duration.ofSeconds(3));
        limiter.tryAcquire(RateLimitRequest.of(new BucketKey("user:late"), ONE_PER_SECOND));
        assertThat(limiter.size()).isZero();
    }

    @Test
    void neverCachesARefusalOfAFailureModeSoTheSharedBucketIsAskedOnceItAnswersAgain() {
        java.util.concurrent.atomic.AtomicBoolean down = new java.util.concurrent.atomic.AtomicBoolean(true);
        RateLimiter shared = request -> {
            if (down.get()) {
                throw new io.scaleguard.domain.ratelimit.RateLimiterUnavailable("down", null);
            }
            return store.tryAcquire(request);
        };
        FailoverRateLimiter failover = new FailoverRateLimiter(shared, new InProcessRateLimiter(clock), FailureMode.CLOSED, 1, clock,
                events, Duration.ofSeconds(1));
        DenyCachingRateLimiter guarded = new DenyCachingRateLimiter(failover, clock, events);
        RateLimitRequest request = RateLimitRequest.of(new BucketKey("user:outage"), new Limit("burst", 5, 1, Duration.ofHours(1)));
        assertThat(guarded.tryAcquire(request).allowed()).as("closed while the store is down").isFalse();
        down.set(false);
        clock.advance(Duration.ofSeconds(1));
        assertThat(guarded.tryAcquire(request).allowed()).as("the stand-in's refusal was not cached").isTrue();
        assertThat(guarded.size()).isZero();
    }
}
