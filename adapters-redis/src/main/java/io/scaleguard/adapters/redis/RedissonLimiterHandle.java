package io.scaleguard.adapters.redis;

import io.scaleguard.application.port.out.HealthCheck;
import io.scaleguard.domain.ratelimit.RateLimiter;

/**
 * The adapter's parts, and the connector of the Redisson client they share, which closing shuts down. The decisions
 * are here for the tests that call the script directly (with their own clock, or to read the Redis time of a decision).
 */
record RedissonLimiterHandle(RedissonConnector connector, PipelinedDecisions decisions, RateLimiter rateLimiter, HealthCheck health)
        implements RedisLimiterHandle {

    @Override
    public void close() {
        connector.close();
    }
}
