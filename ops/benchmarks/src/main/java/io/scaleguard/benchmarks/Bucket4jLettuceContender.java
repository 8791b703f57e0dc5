package io.scaleguard.benchmarks;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Bucket4j's compare-and-swap proxy on one shared, pipelined Lettuce connection: the strongest peer in BENCHMARKS.md. */
final class Bucket4jLettuceContender implements Contender {

    /** Keys expire once full again, as ScaleGuard's do (Bucket4j keeps them forever by default). */
    static final ExpirationAfterWriteStrategy EXPIRY = ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofSeconds(1));

    private final RedisClient client;
    private final StatefulRedisConnection<byte[], byte[]> connection;
    private final ProxyManager<byte[]> buckets;
    private final BucketConfiguration configuration;

    Bucket4jLettuceContender(URI redis, BenchLimit limit) {
        configuration = configuration(limit);
        client = RedisClient.create(redis.toString());
        connection = client.connect(ByteArrayCodec.INSTANCE);
        buckets = Bucket4jLettuce.casBasedBuilder(connection).expirationAfterWrite(EXPIRY).build();
    }

    static BucketConfiguration configuration(BenchLimit limit) {
        return BucketConfiguration.builder()
                .addLimit(Bandwidth.builder().capacity(limit.capacity()).refillGreedy(limit.tokens(), limit.period()).build())
                .build();
    }

    @Override
    public String name() {
        return "Bucket4j on Lettuce";
    }

    @Override
    public boolean peer() {
        return true;
    }

    @Override
    public boolean tryAcquire(String subject) {
        return buckets.builder().build(subject.getBytes(StandardCharsets.UTF_8), configuration).tryConsume(1);
    }

    @Override
    public void close() {
        connection.close();
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    }
}
