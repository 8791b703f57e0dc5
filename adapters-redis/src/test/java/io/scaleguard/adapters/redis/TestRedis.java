package io.scaleguard.adapters.redis;

import java.net.URI;
import java.util.List;
import java.util.UUID;

/**
 * The Redis of the integration tests, reusable by other modules through this module's test-jar.
 *
 * <ul>
 *   <li>{@link #url()}: the shared test Redis, named by {@value #URL_VARIABLE} when it is set, otherwise an embedded
 *       redis-server started once per JVM on a free port (and stopped when the JVM exits). Tests share it, so each
 *       test keeps to its own {@link #uniqueKeyPrefix() key prefix} and never flushes or reconfigures it.</li>
 *   <li>{@link #startPrivate()}: a redis-server of the test's own, which it may stop and restart.</li>
 *   <li>{@link TestRedisCluster#start()}: a real three-master Redis Cluster of the test's own.</li>
 * </ul>
 */
public final class TestRedis {

    public static final String URL_VARIABLE = "SCALEGUARD_TEST_REDIS_URL";

    private static URI shared;

    private TestRedis() {
    }

    /** The shared test Redis; started on first use when {@value #URL_VARIABLE} is not set. */
    public static synchronized URI url() {
        if (shared == null) {
            String configured = System.getenv(URL_VARIABLE);
            if (configured != null && !configured.isBlank()) {
                shared = URI.create(configured.strip());
            } else {
                PrivateRedis embedded = PrivateRedis.start(List.of());
                Runtime.getRuntime().addShutdownHook(new Thread(embedded::close, "embedded-redis-stopper"));
                shared = embedded.url();
            }
        }
        return shared;
    }

    /** A key prefix no other test run uses, without braces: {@code test:<random>:}. */
    public static String uniqueKeyPrefix() {
        return "test:" + UUID.randomUUID().toString().substring(0, 8) + ":";
    }

    /** A private redis-server on a free port; close it when done. */
    public static PrivateRedis startPrivate() {
        return PrivateRedis.start(List.of());
    }
}
