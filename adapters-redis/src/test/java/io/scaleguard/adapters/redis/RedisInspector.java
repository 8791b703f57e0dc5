package io.scaleguard.adapters.redis;

import java.net.URI;
import java.util.List;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.ByteArrayCodec;
import org.redisson.config.Config;

/** A plain Redisson client for tests to look at what the adapter stored: raw values and their time to live. */
final class RedisInspector implements AutoCloseable {

    private final RedissonClient redisson;

    private RedisInspector(RedissonClient redisson) {
        this.redisson = redisson;
    }

    static RedisInspector of(URI url) {
        Config config = new Config();
        config.useSingleServer().setAddress(url.toString());
        return new RedisInspector(Redisson.create(config));
    }

    static RedisInspector ofCluster(List<URI> seeds) {
        Config config = new Config();
        seeds.forEach(seed -> config.useClusterServers().addNodeAddress(seed.toString()));
        return new RedisInspector(Redisson.create(config));
    }

    RedissonClient redisson() {
        return redisson;
    }

    /** The raw bytes under {@code key}, or {@code null}. */
    byte[] raw(String key) {
        return redisson.<byte[]>getBucket(key, ByteArrayCodec.INSTANCE).get();
    }

    /** Milliseconds the key has left to live: -2 without the key, -1 without an expiry. */
    long pttl(String key) {
        return redisson.getBucket(key, ByteArrayCodec.INSTANCE).remainTimeToLive();
    }

    /** The stored state as the script packs it: 7-byte big-endian integers, the update time first, then each level. */
    static long[] unpack(byte[] raw) {
        long[] numbers = new long[raw.length / 7];
        for (int i = 0; i < numbers.length; i++) {
            long value = 0;
            for (int b = 0; b < 7; b++) {
                value = (value << 8) | (raw[7 * i + b] & 0xFF);
            }
            numbers[i] = value;
        }
        return numbers;
    }

    @Override
    public void close() {
        redisson.shutdown();
    }
}
