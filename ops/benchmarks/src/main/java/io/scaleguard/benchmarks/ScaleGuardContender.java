package io.scaleguard.benchmarks;

import io.scaleguard.adapters.redis.RedisLimiterHandle;
import io.scaleguard.adapters.redis.RedisRateLimiters;
import io.scaleguard.application.port.out.RateLimitEvents;
import io.scaleguard.application.ratelimit.AttributedRateLimiter;
import io.scaleguard.application.ratelimit.DenyCachingRateLimiter;
import io.scaleguard.domain.ratelimit.BucketKey;
import io.scaleguard.domain.ratelimit.Limit;
import io.scaleguard.domain.ratelimit.RateLimitRequest;
import io.scaleguard.domain.ratelimit.RateLimiter;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;

/** ScaleGuard's Redis adapter through its public factory, alone or behind the application's deny cache. */
final class ScaleGuardContender implements Contender {

    private final String name;
    private final RedisLimiterHandle handle;
    private final RateLimiter limiter;
    private final Limit limit;

    private ScaleGuardContender(String name, RedisLimiterHandle handle, RateLimiter limiter, BenchLimit limit) {
        this.name = name;
        this.handle = handle;
        this.limiter = limiter;
        this.limit = new Limit("bench", limit.capacity(), limit.tokens(), limit.period());
    }

    /**
     * The adapter alone. The budget is generous (a benchmark counts failures rather than provoking them); the
     * production default is tens of milliseconds.
     */
    static ScaleGuardContender alone(URI redis, BenchLimit limit) {
        RedisLimiterHandle handle = open(redis);
        return new ScaleGuardContender("ScaleGuard adapter", handle, handle.rateLimiter(), limit);
    }

    /** The adapter behind {@link DenyCachingRateLimiter}: refused keys skip Redis until their retry-after. */
    static ScaleGuardContender behindDenyCache(URI redis, BenchLimit limit) {
        RedisLimiterHandle handle = open(redis);
        RateLimiter cached = new DenyCachingRateLimiter(AttributedRateLimiter.authoritative(handle.rateLimiter()), Clock.systemUTC(),
                RateLimitEvents.IGNORED);
        return new ScaleGuardContender("ScaleGuard + deny cache", handle, cached, limit);
    }

    private static RedisLimiterHandle open(URI redis) {
        return RedisRateLimiters.standalone(redis, Duration.ofSeconds(1), RedisRateLimiters.DEFAULT_KEY_PREFIX, RateLimitEvents.IGNORED);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public boolean peer() {
        return false;
    }

    @Override
    public boolean tryAcquire(String subject) {
        return limiter.tryAcquire(RateLimitRequest.of(new BucketKey(subject), limit)).allowed();
    }

    @Override
    public void close() {
        handle.close();
    }
}
