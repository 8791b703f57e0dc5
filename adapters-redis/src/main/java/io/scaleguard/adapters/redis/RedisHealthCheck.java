package io.scaleguard.adapters.redis;

import io.scaleguard.application.port.out.HealthCheck;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.redisson.api.RedissonClient;
import org.redisson.api.redisnode.RedisNodes;

/** Readiness of Redis: a {@code PING} to every node of the topology within the timeout. A probe answers yes or no, never throws. */
final class RedisHealthCheck implements HealthCheck {

    private final RedissonClient redisson;
    private final RedisNodes<?> topology;
    private final Duration timeout;

    RedisHealthCheck(RedissonClient redisson, RedisNodes<?> topology, Duration timeout) {
        this.redisson = redisson;
        this.topology = topology;
        this.timeout = timeout;
    }

    @Override
    public String name() {
        return "redis";
    }

    @Override
    public boolean healthy() {
        try {
            return redisson.getRedisNodes(topology).pingAll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RuntimeException e) {
            return false;
        }
    }
}
