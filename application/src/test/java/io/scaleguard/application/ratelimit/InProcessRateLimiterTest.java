package io.scaleguard.application.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import io.scaleguard.domain.ratelimit.BucketKey;
import io.scaleguard.domain.ratelimit.Limit;
import io.scaleguard.domain.ratelimit.RateLimitRequest;
import io.scaleguard.domain.ratelimit.RateLimiter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import io.scaleguard.application.MutableClock;
import org.junit.jupiter.api.Test;

class InProcessRateLimiterTest extends RateLimiterContract {

    private final InProcessRateLimiter limiter = new InProcessRateLimiter(Clock.systemUTC());

    @Override
    protected RateLimiter limiter() {
        return limiter;
    }

    @Test
    void forgetsKeysOnceTheirBucketsAreFullAgain() {
        MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
        InProcessRateLimiter limiter = new InProcessRateLimiter(clock);
        Limit limit = new Limit("burst", 10, 10, Duration.ofSeconds(1));
        for (int i = 0; i < 1_000; i++) {
            limiter.tryAcquire(RateLimitRequest.of(new BucketKey("user:" + i), limit));
        }
        assertThat(limiter.size()).isEqualTo(1_000);
        clock.advance(Duration.ofSeconds(2));
        limiter.tryAcquire(RateLimitRequest.of(new BucketKey("user:late"), limit));
        assertThat(limiter.size()).isEqualTo(1);
    }

    @Test
    void decidesByTheBucketNotByTheClockWhenTheClockStepsBack() {
        MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:10Z"));
        InProcessRateLimiter limiter = new InProcessRateLimiter(clock);
        Limit limit = new Limit("burst", 1, 1, Duration.ofSeconds(1));
        BucketKey key = new BucketKey("user:skew");
        assertThat(limiter.tryAcquire(RateLimitRequest.of(key, limit)).allowed()).isTrue();
        clock.advance(Duration.ofSeconds(-5));
        assertThat(limiter.tryAcquire(RateLimitRequest.of(key, limit)).allowed()).isFalse();
        clock.advance(Duration.ofSeconds(6));
        assertThat(limiter.tryAcquire(RateLimitRequest.of(key, limit)).allowed()).isTrue();
    }
}
