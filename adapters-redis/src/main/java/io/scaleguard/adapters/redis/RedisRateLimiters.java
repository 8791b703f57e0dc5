package io.scaleguard.adapters.redis;

import io.scaleguard.application.port.out.RateLimitEvents;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.redisson.api.redisnode.RedisNodes;
import org.redisson.client.codec.StringCodec;
import org.redisson.config.BaseConfig;
import org.redisson.config.ClusterServersConfig;
import org.redisson.config.Config;
import org.redisson.config.ReadMode;

/**
 * Builds the Redis adapter of {@code RateLimiter}: the one entry point of this module.
 *
 * <p>Every decision is bounded by {@code timeout} (milliseconds, where Redisson's defaults are seconds) and nothing
 * is retried inside it, so a dead Redis costs a caller at most the budget before the application's failure mode takes
 * over. The service starts while Redis is down and uses it as soon as it answers.
 */
public final class RedisRateLimiters {

    /** The key prefix of a dedicated Redis; set another to share one Redis between deployments. */
    public static final String DEFAULT_KEY_PREFIX = "sg:";

    /**
     * Batches on the wire at once. Measured side by side on two cores (ops/PERFORMANCE.md): one in flight wastes a
     * round trip between batches and was clearly slower at 16 and 64 callers; four beat two; eight was no better.
     */
    static final int BATCHES_IN_FLIGHT = 4;

    /** Connections per node: the batches in flight, the script loads and the health probe need a handful. */
    private static final int CONNECTIONS_PER_NODE = 8;
    /** Kept open, so that the batches in flight never wait for a connection to be made. */
    private static final int IDLE_CONNECTIONS_PER_NODE = BATCHES_IN_FLIGHT;

    /**
     * Connecting happens at start-up and in the background after a restart, never on a caller's thread, so it may
     * take longer than one decision's budget (a cold JVM needs more than 50 ms to open its first connection).
     */
    private static final int MIN_CONNECT_TIMEOUT_MILLIS = 1_000;

    private RedisRateLimiters() {
    }

    /**
     * The Redis URL in {@code text}, checked by the parser the factories use, for a configuration to refuse at start-up:
     * {@code redis://[[user]:password@]host[:port][/database]}, or {@code rediss://} for TLS. The host may be a name,
     * an IPv4 address or a bracketed IPv6 literal; credentials are percent-encoded; the port defaults to 6379 and the
     * database to 0. Surrounding blanks are ignored.
     *
     * @throws IllegalArgumentException naming the expected shape and showing the URL with its password as {@code ****}
     */
    public static URI checkedUrl(String text) {
        return RedisUris.checked(text);
    }

    /** A limiter on one Redis server, at a URL of the shape {@link #checkedUrl(String)} accepts. */
    public static RedisLimiterHandle standalone(URI redisUrl, Duration timeout, String keyPrefix, RateLimitEvents events) {
        RedisUris target = RedisUris.parse(redisUrl);
        checkSettings(timeout, keyPrefix, events);
        Config config = credentials(baseConfig(), target);
        bounded(config.useSingleServer()
                .setAddress(target.address())
                .setDatabase(target.database())
                .setConnectionPoolSize(CONNECTIONS_PER_NODE)
                .setConnectionMinimumIdleSize(IDLE_CONNECTIONS_PER_NODE)
                .setSubscriptionConnectionPoolSize(1)
                .setSubscriptionConnectionMinimumIdleSize(0), timeout);
        return start(config, timeout, keyPrefix, events, false);
    }

    /**
     * A limiter on a Redis Cluster, found through any of its {@code seeds} (URLs as {@link #checkedUrl(String)} accepts,
     * with database 0; the credentials are the first seed's); each subject's key lives in one slot.
     */
    public static RedisLimiterHandle cluster(List<URI> seeds, Duration timeout, String keyPrefix, RateLimitEvents events) {
        if (seeds == null || seeds.isEmpty()) {
            throw new IllegalArgumentException("a Redis Cluster needs at least one seed URL");
        }
        List<RedisUris> targets = seeds.stream().map(RedisUris::parse).toList();
        for (int i = 0; i < targets.size(); i++) {
            if (targets.get(i).database() != 0) {
                throw new IllegalArgumentException("a Redis Cluster has only database 0, was '"
                        + RedisUris.redacted(seeds.get(i).toString()) + "'");
            }
        }
        checkSettings(timeout, keyPrefix, events);
        Config config = credentials(baseConfig(), targets.get(0));
        ClusterServersConfig cluster = config.useClusterServers()
                .setScanInterval(1_000)
                .setReadMode(ReadMode.MASTER)
                .setMasterConnectionPoolSize(CONNECTIONS_PER_NODE)
                .setMasterConnectionMinimumIdleSize(IDLE_CONNECTIONS_PER_NODE)
                .setSlaveConnectionPoolSize(2)
                .setSlaveConnectionMinimumIdleSize(0)
                .setSubscriptionConnectionPoolSize(1)
                .setSubscriptionConnectionMinimumIdleSize(0);
        targets.forEach(target -> cluster.addNodeAddress(target.address()));
        bounded(cluster, timeout);
        return start(config, timeout, keyPrefix, events, true);
    }

    private static Config baseConfig() {
        Config config = new Config();
        // no Redisson live objects here: skips a reflective look at every argument of every command
        config.setReferenceEnabled(false);
        return config;
    }

    private static Config credentials(Config config, RedisUris target) {
        if (target.username() != null) {
            config.setUsername(target.username());
        }
        if (target.password() != null) {
            config.setPassword(target.password());
        }
        return config;
    }

    private static void bounded(BaseConfig<?> server, Duration timeout) {
        int millis = Math.toIntExact(timeout.toMillis());
        server.setTimeout(millis)
                .setConnectTimeout(Math.max(millis, MIN_CONNECT_TIMEOUT_MILLIS))
                .setRetryAttempts(0)
                .setPingConnectionInterval(1_000);
    }

    private static RedisLimiterHandle start(Config config, Duration timeout, String keyPrefix, RateLimitEvents events, boolean cluster) {
        DecisionScript script = new DecisionScript(keyPrefix);
        // Loading on connection saves the first calls a NOSCRIPT round trip; a failed load is retried on NOSCRIPT.
        RedissonConnector connector = new RedissonConnector(config,
                redisson -> redisson.getScript(StringCodec.INSTANCE).scriptLoadAsync(script.source()));
        PipelinedDecisions decisions = new PipelinedDecisions(connector, script, cluster, timeout, BATCHES_IN_FLIGHT);
        return new RedissonLimiterHandle(connector, decisions, new RedisRateLimiter(decisions, script, timeout, events),
                new RedisHealthCheck(connector, cluster ? RedisNodes.CLUSTER : RedisNodes.SINGLE, timeout));
    }

    private static void checkSettings(Duration timeout, String keyPrefix, RateLimitEvents events) {
        if (timeout == null || timeout.toMillis() < 1 || timeout.compareTo(Duration.ofMinutes(1)) > 0) {
            throw new IllegalArgumentException("the Redis timeout must be between 1 ms and 1 minute, was " + timeout);
        }
        if (keyPrefix == null || keyPrefix.isEmpty() || keyPrefix.contains("{") || keyPrefix.contains("}")) {
            throw new IllegalArgumentException("the Redis key prefix must be non-empty and without braces (they would break"
                    + " the hash tag that keeps a subject in one cluster slot), was " + keyPrefix);
        }
        if (events == null) {
            throw new IllegalArgumentException("events are required; use RateLimitEvents.IGNORED to drop them");
        }
    }
}
