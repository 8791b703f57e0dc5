package io.scaleguard.adapters.redis;

import io.scaleguard.application.port.out.HealthCheck;
import io.scaleguard.domain.ratelimit.RateLimiter;
import java.util.concurrent.TimeUnit;
import org.redisson.api.RedissonClient;

/** The adapter's parts, and the Redisson client they share, which closing shuts down. */
record RedissonLimiterHandle(RedissonClient redisson, RateLimiter rateLimiter, HealthCheck health) implements RedisLimiterHandle {

    @Override
    public void close() {
        // no quiet period: by now the server has drained its requests, nothing more will come
        redisson.shutdown(0, 2, TimeUnit.SECONDS);
    }
}
