package io.scaleguard.adapters.redis;

import io.scaleguard.application.port.out.HealthCheck;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.redisson.api.redisnode.RedisNodes;

/** Readiness of Redis: a {@code PING} to every node of the topology within the timeout. A probe answers yes or no, never throws. */
final class RedisHealthCheck implements HealthCheck {

    private final RedissonConnector connector;
    private final RedisNodes<?> topology;
    private final Duration timeout;

    RedisHealthCheck(RedissonConnector connector, RedisNodes<?> topology, Duration timeout) {
        this.connector = connector;
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
            return connector.client()
                    .map(redisson -> redisson.getRedisNodes(topology).pingAll(timeout.toMillis(), TimeUnit.MILLISECONDS))
                    .orElse(false);
        } catch (RuntimeException e) {
            return false;
        }
    }
}
