package io.scaleguard.adapters.redis;

import io.scaleguard.application.port.out.HealthCheck;
import io.scaleguard.domain.ratelimit.RateLimiter;

/** The adapter's parts, and the connector of the Redisson client they share, which closing shuts down. */
record RedissonLimiterHandle(RedissonConnector connector, RateLimiter rateLimiter, HealthCheck health) implements RedisLimiterHandle {

    @Override
    public void close() {
        connector.close();
    }
}
