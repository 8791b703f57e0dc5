package io.scaleguard.benchmarks;

import java.net.URI;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.redisson.Redisson;
import org.redisson.api.RRateLimiter;
import org.redisson.api.RateType;
import org.redisson.api.RedissonClient;
import org.redisson.config.Config;

/**
 * Redisson's {@code RRateLimiter} with its default configuration: {@code capacity} permits per fill time (for 100 and
 * 50/s, 100 per 2 s: the same rate and burst), set once per key on first use, its keys kept alive after the last use
 * for twice the fill time, at least 10 s.
 */
final class RedissonRateLimiterContender implements Contender {

    private final RedissonClient redisson;
    private final Set<String> configured = ConcurrentHashMap.newKeySet();
    private final BenchLimit limit;
    private final Duration keepAlive;

    RedissonRateLimiterContender(URI redis, BenchLimit limit) {
        this.limit = limit;
        this.keepAlive = limit.fill().multipliedBy(2).compareTo(Duration.ofSeconds(10)) > 0 ? limit.fill().multipliedBy(2) : Duration.ofSeconds(10);
        Config config = new Config();
        config.useSingleServer().setAddress(redis.toString());
        redisson = Redisson.create(config);
    }

    @Override
    public String name() {
        return "Redisson RRateLimiter";
    }

    @Override
    public boolean peer() {
        return true;
    }

    @Override
    public boolean tryAcquire(String subject) {
        RRateLimiter limiter = redisson.getRateLimiter(subject);
        if (configured.add(subject)) {
            limiter.trySetRate(RateType.OVERALL, limit.capacity(), limit.fill(), keepAlive);
        }
        return limiter.tryAcquire();
    }

    @Override
    public void close() {
        redisson.shutdown(0, 2, TimeUnit.SECONDS);
    }
}
