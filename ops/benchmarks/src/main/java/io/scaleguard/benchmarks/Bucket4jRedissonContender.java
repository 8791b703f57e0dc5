package io.scaleguard.benchmarks;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.redisson.Bucket4jRedisson;
import java.net.URI;
import java.util.concurrent.TimeUnit;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.config.Config;

/** Bucket4j's compare-and-swap proxy on Redisson with its default configuration. */
final class Bucket4jRedissonContender implements Contender {

    private final RedissonClient redisson;
    private final ProxyManager<String> buckets;
    private final BucketConfiguration configuration;

    Bucket4jRedissonContender(URI redis, BenchLimit limit) {
        configuration = Bucket4jLettuceContender.configuration(limit);
        Config config = new Config();
        config.useSingleServer().setAddress(redis.toString());
        redisson = Redisson.create(config);
        buckets = Bucket4jRedisson.casBasedBuilder(((Redisson) redisson).getCommandExecutor())
                .expirationAfterWrite(Bucket4jLettuceContender.EXPIRY).build();
    }

    @Override
    public String name() {
        return "Bucket4j on Redisson";
    }

    @Override
    public boolean peer() {
        return true;
    }

    @Override
    public boolean tryAcquire(String subject) {
        return buckets.builder().build(subject, configuration).tryConsume(1);
    }

    @Override
    public void close() {
        redisson.shutdown(0, 2, TimeUnit.SECONDS);
    }
}
