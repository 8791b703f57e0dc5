package io.scaleguard.adapters.redis;

import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.config.Config;

/**
 * Owns the Redisson client and gets it connected even when Redis is down at start-up: the first attempt runs at once,
 * later ones every second in the background until one succeeds. Until then there is no client, and every call fails
 * at once instead of waiting. Once connected, Redisson itself reconnects after a Redis restart.
 *
 * <p>Why not Redisson's lazy initialisation: it connects inside the first command, on the caller's thread, blocking
 * the request for the whole connect timeout, and again for every command while Redis stays down.
 */
final class RedissonConnector implements AutoCloseable {

    private static final long RETRY_EVERY_MILLIS = 1_000;

    private final Config config;
    private final Consumer<RedissonClient> onConnected;
    private final AtomicReference<RedissonClient> client = new AtomicReference<>();
    private final ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "scaleguard-redis-connector");
        thread.setDaemon(true);
        return thread;
    });
    private volatile boolean closed;

    RedissonConnector(Config config, Consumer<RedissonClient> onConnected) {
        this.config = config;
        this.onConnected = onConnected;
        if (!tryConnect()) {
            retries.scheduleWithFixedDelay(this::retry, RETRY_EVERY_MILLIS, RETRY_EVERY_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    /** The connected client, or empty while Redis has not answered yet. */
    Optional<RedissonClient> client() {
        return Optional.ofNullable(client.get());
    }

    private void retry() {
        if (tryConnect()) {
            retries.shutdown();
        }
    }

    private boolean tryConnect() {
        RedissonClient connected;
        try {
            // Config is not thread-safe to share between clients: each attempt gets its own copy
            connected = Redisson.create(new Config(config));
        } catch (RuntimeException redisNotThereYet) {
            return closed;
        }
        if (closed) {
            connected.shutdown(0, 1, TimeUnit.SECONDS);
            return true;
        }
        client.set(connected);
        onConnected.accept(connected);
        return true;
    }

    @Override
    public void close() {
        closed = true;
        retries.shutdownNow();
        RedissonClient connected = client.getAndSet(null);
        if (connected != null) {
            // no quiet period: by now the server has drained its requests, nothing more will come
            connected.shutdown(0, 2, TimeUnit.SECONDS);
        }
    }
}
