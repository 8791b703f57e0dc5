package io.scaleguard.bootstrap.config;

import io.scaleguard.adapters.postgres.DatabaseSettings;
import io.scaleguard.adapters.postgres.SigningKeySecret;
import io.scaleguard.adapters.redis.RedisRateLimiters;
import io.scaleguard.adapters.rest.http.Cidr;
import io.scaleguard.application.ratelimit.FailureMode;
import io.scaleguard.application.ratelimit.RatePolicies;
import io.scaleguard.application.ratelimit.RatePolicy;
import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * Reads {@link ScaleGuardConfig} from environment variables, to which an optional properties file
 * ({@code SCALEGUARD_CONFIG_FILE}, same keys) may add values; the environment wins. Every problem becomes a
 * {@link ConfigurationException} naming the variable.
 */
public final class ConfigLoader {

    private static final Pattern KEY_PREFIX = Pattern.compile("[\\x21-\\x7A\\x7C\\x7E]{1,32}");
    private static final Pattern IP_LITERAL = Pattern.compile("[0-9.]+|[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    private final Map<String, String> values;

    private ConfigLoader(Map<String, String> values) {
        this.values = values;
    }

    public static ScaleGuardConfig load(Map<String, String> environment) {
        Map<String, String> merged = new HashMap<>(readConfigFile(environment.get(Setting.CONFIG_FILE.variable)));
        environment.forEach((key, value) -> {
            if (key.startsWith("SCALEGUARD_")) {
                merged.put(key, value);
            }
        });
        return new ConfigLoader(merged).build();
    }

    private ScaleGuardConfig build() {
        long capacity = positiveLong(Setting.RATE_CAPACITY, 1_000_000);
        String refill = text(Setting.RATE_REFILL_PER_SECOND);
        RatePolicies builtIn;
        try {
            builtIn = RatePolicies.standard(capacity, refill);
        } catch (IllegalArgumentException e) {
            throw invalid(Setting.RATE_REFILL_PER_SECOND, e.getMessage());
        }
        return new ScaleGuardConfig(
                httpHost(),
                port(),
                (int) positiveLong(Setting.HTTP_WORKER_THREADS, 1_024),
                redisTarget(),
                databaseTarget(),
                (int) between(Setting.DB_POOL_SIZE, DatabaseSettings.MIN_CONNECTIONS, DatabaseSettings.MAX_CONNECTIONS),
                Duration.ofMillis(between(Setting.DB_TIMEOUT_MS, DatabaseSettings.MIN_TIMEOUT.toMillis(), DatabaseSettings.MAX_TIMEOUT.toMillis())),
                signingKeySecret(),
                issuer(),
                Duration.ofSeconds(positiveLong(Setting.ACCESS_TOKEN_TTL, 86_400)),
                policies(builtIn),
                failureMode(),
                (int) positiveLong(Setting.REPLICAS, 1_000),
                Duration.ofMillis(positiveLong(Setting.REDIS_TIMEOUT_MS, 60_000)),
                redisKeyPrefix(),
                passwordHashing(),
                trustedProxies(),
                Duration.ofSeconds(positiveLong(Setting.SHUTDOWN_GRACE_SECONDS, 3_600)),
                logFormatIsJson());
    }

    /** Unset: private keys are stored as they are. Set: sealed under it; a bad or empty value is named, never echoed. */
    private Optional<SigningKeySecret> signingKeySecret() {
        String given = values.get(Setting.SIGNING_KEY_SECRET.variable);
        if (given != null && given.isBlank()) {
            // an empty Secret or .env entry is a mistake, not a wish to store the keys unsealed
            throw invalid(Setting.SIGNING_KEY_SECRET, "is set but empty; give 32 bytes in base64, or unset it to store the keys unsealed");
        }
        String secret = text(Setting.SIGNING_KEY_SECRET);
        if (secret == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(SigningKeySecret.fromBase64(secret));
        } catch (IllegalArgumentException e) {
            throw invalid(Setting.SIGNING_KEY_SECRET, e.getMessage());
        }
    }

    /** Several deployments may share one Redis; the prefix keeps their buckets apart. Braces would break the hash tag. */
    private String redisKeyPrefix() {
        String prefix = text(Setting.REDIS_KEY_PREFIX);
        if (!KEY_PREFIX.matcher(prefix).matches()) {
            throw invalid(Setting.REDIS_KEY_PREFIX, "must be 1 to 32 printable ASCII characters without braces or spaces, was '" + prefix + "'");
        }
        return prefix;
    }

    private PasswordHashingConfig passwordHashing() {
        int memory = (int) positiveLong(Setting.PASSWORD_HASH_MEMORY_KIB, 1 << 20);
        int parallelism = (int) positiveLong(Setting.PASSWORD_HASH_PARALLELISM, 64);
        if (memory < 8L * parallelism) {
            throw invalid(Setting.PASSWORD_HASH_MEMORY_KIB, "Argon2 needs at least 8 KiB per lane (" + Setting.PASSWORD_HASH_PARALLELISM.variable
                    + "=" + parallelism + "), was " + memory);
        }
        return new PasswordHashingConfig(memory, (int) positiveLong(Setting.PASSWORD_HASH_ITERATIONS, 64), parallelism,
                (int) positiveLong(Setting.PASSWORD_HASH_CONCURRENCY, 1_024));
    }

    /** The address to listen on: every interface (containers) by default, loopback behind a local edge. */
    private String httpHost() {
        String host = text(Setting.HTTP_HOST);
        if (!IP_LITERAL.matcher(host).matches()) {
            throw invalid(Setting.HTTP_HOST, "must be an IP address to listen on, such as 0.0.0.0 or 127.0.0.1, was '" + host + "'");
        }
        return host;
    }

    private int port() {
        long port = positiveLong(Setting.HTTP_PORT, 65_535);
        return (int) port;
    }

    private RedisTarget redisTarget() {
        String url = text(Setting.REDIS_URL);
        String nodes = text(Setting.REDIS_CLUSTER_NODES);
        if (url != null && nodes != null) {
            throw new ConfigurationException(Setting.REDIS_URL.variable + " and " + Setting.REDIS_CLUSTER_NODES.variable
                    + " are both set: choose a standalone Redis or a cluster");
        }
        if (url != null) {
            requireRedisUrl(Setting.REDIS_URL, url);
            return new RedisTarget.Standalone(url);
        }
        if (nodes != null) {
            List<String> seeds = Arrays.stream(nodes.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
            if (seeds.isEmpty()) {
                throw invalid(Setting.REDIS_CLUSTER_NODES, "needs at least one redis://host:port seed");
            }
            seeds.forEach(seed -> requireRedisUrl(Setting.REDIS_CLUSTER_NODES, seed));
            return new RedisTarget.Cluster(seeds);
        }
        return new RedisTarget.InProcess();
    }

    /** The Redis adapter's own parser decides, so what starts is what the adapter reads; its message hides passwords. */
    private void requireRedisUrl(Setting setting, String url) {
        try {
            RedisRateLimiters.checkedUrl(url);
        } catch (IllegalArgumentException e) {
            throw invalid(setting, e.getMessage());
        }
    }

    private DatabaseTarget databaseTarget() {
        String url = text(Setting.DB_URL);
        if (url == null) {
            return new DatabaseTarget.Embedded(Path.of(text(Setting.DATA_DIR)));
        }
        if (!url.startsWith("jdbc:postgresql://")) {
            throw invalid(Setting.DB_URL, "must be a PostgreSQL JDBC URL (jdbc:postgresql://host:port/database)");
        }
        return new DatabaseTarget.Postgres(url, text(Setting.DB_USER), text(Setting.DB_PASSWORD));
    }

    private URI issuer() {
        String issuer = text(Setting.ISSUER);
        try {
            URI uri = new URI(issuer);
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                throw invalid(Setting.ISSUER, "must be an http(s) URL, was '" + issuer + "'");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw invalid(Setting.ISSUER, "must be an http(s) URL, was '" + issuer + "'");
        }
    }

    private RatePolicies policies(RatePolicies builtIn) {
        String file = text(Setting.POLICY_FILE);
        if (file == null) {
            return builtIn;
        }
        Map<String, RatePolicy> merged = new LinkedHashMap<>();
        builtIn.all().forEach(policy -> merged.put(policy.name(), policy));
        PolicyFile.read(Path.of(file)).forEach(policy -> merged.put(policy.name(), policy));
        return new RatePolicies(new ArrayList<>(merged.values()));
    }

    private FailureMode failureMode() {
        String mode = text(Setting.RATE_FAILURE_MODE);
        try {
            return FailureMode.valueOf(mode.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw invalid(Setting.RATE_FAILURE_MODE, "must be local, open or closed, was '" + mode + "'");
        }
    }

    private List<String> trustedProxies() {
        List<String> cidrs = Arrays.stream(text(Setting.TRUSTED_PROXIES).split(",")).map(String::strip)
                .filter(s -> !s.isEmpty()).toList();
        // the parser the client-address resolver uses: what starts is what it will believe
        for (String cidr : cidrs) {
            try {
                Cidr.parse(cidr);
            } catch (IllegalArgumentException e) {
                throw invalid(Setting.TRUSTED_PROXIES, "'" + cidr + "' is not a CIDR such as 10.0.0.0/8 or ::1/128: " + e.getMessage());
            }
        }
        return cidrs;
    }

    private boolean logFormatIsJson() {
        String format = text(Setting.LOG_FORMAT);
        if (!format.equals("text") && !format.equals("json")) {
            throw invalid(Setting.LOG_FORMAT, "must be text or json, was '" + format + "'");
        }
        return format.equals("json");
    }

    private long positiveLong(Setting setting, long max) {
        return between(setting, 1, max);
    }

    private long between(Setting setting, long min, long max) {
        String value = text(setting);
        try {
            long parsed = Long.parseLong(value);
            if (parsed < min || parsed > max) {
                throw invalid(setting, "must be a whole number from " + min + " to " + max + ", was '" + value + "'");
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw invalid(setting, "must be a whole number from " + min + " to " + max + ", was '" + value + "'");
        }
    }

    /** The value, stripped, or the default; blank counts as unset. */
    private String text(Setting setting) {
        String value = values.get(setting.variable);
        if (value == null || value.isBlank()) {
            return setting.defaultValue;
        }
        return value.strip();
    }

    private static ConfigurationException invalid(Setting setting, String problem) {
        return new ConfigurationException(setting.variable + ": " + problem);
    }

    private static Map<String, String> readConfigFile(String file) {
        if (file == null || file.isBlank()) {
            return Map.of();
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(Path.of(file.strip()), StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException | IllegalArgumentException e) {
            throw new ConfigurationException(Setting.CONFIG_FILE.variable + ": cannot read '" + file + "': " + e.getMessage());
        }
        Map<String, String> values = new HashMap<>();
        properties.stringPropertyNames().forEach(name -> values.put(name, properties.getProperty(name)));
        return values;
    }
}
