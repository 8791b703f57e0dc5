package io.scaleguard.adapters.redis;

import io.scaleguard.application.port.out.HealthCheck;
import io.scaleguard.domain.ratelimit.RateLimiter;

/** What the composition root holds of the Redis adapter: the limiter, its readiness check, and the way to shut it down. */
public interface RedisLimiterHandle extends AutoCloseable {

    /** Decides on buckets in Redis; throws {@code RateLimiterUnavailable} when Redis does not answer within the timeout. */
    RateLimiter rateLimiter();

    /** Named {@code redis}: healthy when every master answers {@code PING} within the timeout; never throws or hangs. */
    HealthCheck health();

    /** Shuts Redisson down: its connections and threads. Call it after the HTTP server has drained. */
    @Override
    void close();
}
