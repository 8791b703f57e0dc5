package io.scaleguard.bootstrap.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scaleguard.application.ratelimit.FailureMode;
import io.scaleguard.application.ratelimit.RatePolicies;
import io.scaleguard.domain.auth.Plan;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConfigLoaderTest {

    @TempDir
    Path dir;

    @Test
    void runsTheEmbeddedDefaultWithNoConfigurationAtAll() {
        ScaleGuardConfig config = ConfigLoader.load(Map.of());
        assertThat(config.httpPort()).isEqualTo(8080);
        assertThat(config.workerThreads()).isEqualTo(32);
        assertThat(config.redisTimeout()).isEqualTo(Duration.ofMillis(100));
        assertThat(config.redis()).isEqualTo(new RedisTarget.InProcess());
        assertThat(config.database()).isEqualTo(new DatabaseTarget.Embedded(Path.of("./data")));
        assertThat(config.issuer()).hasToString("http://localhost:8080");
        assertThat(config.accessTokenTtl()).isEqualTo(Duration.ofSeconds(900));
        assertThat(config.failureMode()).isEqualTo(FailureMode.LOCAL);
        assertThat(config.replicas()).isEqualTo(1);
        assertThat(config.passwordHashing()).as("OWASP's Argon2id parameters")
                .isEqualTo(new PasswordHashingConfig(19_456, 2, 1, Math.max(1, Runtime.getRuntime().availableProcessors() / 2)));
        assertThat(config.trustedProxies()).containsExactly("127.0.0.1/32", "::1/128");
        assertThat(config.redisKeyPrefix()).isEqualTo("sg:");
        assertThat(config.signingKeySecret()).as("private keys stored as they are").isEmpty();
        var burst = config.policies().forPlan(Plan.DEFAULT).limits().get(0);
        assertThat(burst.capacity()).isEqualTo(10);
        assertThat(burst.refillTokens()).isEqualTo(1);
        assertThat(burst.refillPeriod()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void picksRedisAndPostgresWhenTheirUrlsAreSet() {
        ScaleGuardConfig config = ConfigLoader.load(Map.of(
                "SCALEGUARD_REDIS_URL", "redis://127.0.0.1:6379/2",
                "SCALEGUARD_DB_URL", "jdbc:postgresql://db:5432/scaleguard",
                "SCALEGUARD_DB_USER", "sg", "SCALEGUARD_DB_PASSWORD", "secret",
                "SCALEGUARD_RATE_REFILL_PER_SECOND", "0.5", "SCALEGUARD_RATE_FAILURE_MODE", "closed"));
        assertThat(config.redis()).isEqualTo(new RedisTarget.Standalone("redis://127.0.0.1:6379/2"));
        assertThat(config.database()).isEqualTo(new DatabaseTarget.Postgres("jdbc:postgresql://db:5432/scaleguard", "sg", "secret"));
        assertThat(config.database().toString()).doesNotContain("secret");
        assertThat(config.policies().forPlan(Plan.DEFAULT).limits().get(0).windowSeconds()).isEqualTo(20);
        assertThat(config.failureMode()).isEqualTo(FailureMode.CLOSED);
    }

    @Test
    void takesRedisUrlsWithCredentialsAndNeverPrintsThePassword() {
        ScaleGuardConfig config = ConfigLoader.load(Map.of("SCALEGUARD_REDIS_URL", "redis://limiter:s3cret@cache.internal:6380/2"));
        assertThat(config.redis()).isEqualTo(new RedisTarget.Standalone("redis://limiter:s3cret@cache.internal:6380/2"));
        assertThat(config.redis().toString()).contains("limiter:****@cache.internal:6380/2").doesNotContain("s3cret");
        assertThatThrownBy(() -> ConfigLoader.load(Map.of("SCALEGUARD_REDIS_URL", "redis://:s3cret@cache.internal:6380/db")))
                .isInstanceOf(ConfigurationException.class).hasMessageNotContaining("s3cret");
    }

    @Test
    void readsClusterSeeds() {
        ScaleGuardConfig config = ConfigLoader.load(Map.of("SCALEGUARD_REDIS_CLUSTER_NODES", "redis://10.0.0.1:7000, redis://10.0.0.2:7000"));
        assertThat(config.redis()).isEqualTo(new RedisTarget.Cluster(java.util.List.of("redis://10.0.0.1:7000", "redis://10.0.0.2:7000")));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "SCALEGUARD_HTTP_PORT|http|SCALEGUARD_HTTP_PORT: must be a whole number from 1 to 65535, was 'http'",
            "SCALEGUARD_HTTP_PORT|70000|SCALEGUARD_HTTP_PORT: must be a whole number from 1 to 65535, was '70000'",
            "SCALEGUARD_RATE_CAPACITY|0|SCALEGUARD_RATE_CAPACITY: must be a whole number",
            "SCALEGUARD_RATE_REFILL_PER_SECOND|fast|SCALEGUARD_RATE_REFILL_PER_SECOND: limit 'burst': refill rate is not a number",
            "SCALEGUARD_RATE_REFILL_PER_SECOND|-1|SCALEGUARD_RATE_REFILL_PER_SECOND: limit 'burst': refill rate must be positive",
            "SCALEGUARD_RATE_FAILURE_MODE|sometimes|SCALEGUARD_RATE_FAILURE_MODE: must be local, open or closed",
            "SCALEGUARD_REDIS_URL|localhost:6379|SCALEGUARD_REDIS_URL: not a Redis URL",
            "SCALEGUARD_REDIS_CLUSTER_NODES|redis://a:1,tcp://b:2|SCALEGUARD_REDIS_CLUSTER_NODES: not a Redis URL",
            "SCALEGUARD_DB_URL|jdbc:mysql://db/x|SCALEGUARD_DB_URL: must be a PostgreSQL JDBC URL",
            "SCALEGUARD_ISSUER|not a url|SCALEGUARD_ISSUER: must be an http(s) URL",
            "SCALEGUARD_ACCESS_TOKEN_TTL|-5|SCALEGUARD_ACCESS_TOKEN_TTL: must be a whole number",
            "SCALEGUARD_TRUSTED_PROXIES|10.0.0.0/33|SCALEGUARD_TRUSTED_PROXIES: '10.0.0.0/33' is not a CIDR",
            "SCALEGUARD_TRUSTED_PROXIES|proxy.example/8|SCALEGUARD_TRUSTED_PROXIES: 'proxy.example/8' is not a CIDR",
            "SCALEGUARD_TRUSTED_PROXIES|999.0.0.0/8|SCALEGUARD_TRUSTED_PROXIES: '999.0.0.0/8' is not a CIDR",
            "SCALEGUARD_HTTP_HOST|example.org|SCALEGUARD_HTTP_HOST: must be an IP address",
            "SCALEGUARD_DB_POOL_SIZE|1|SCALEGUARD_DB_POOL_SIZE: must be a whole number from 2 to 200",
            "SCALEGUARD_DB_TIMEOUT_MS|10|SCALEGUARD_DB_TIMEOUT_MS: must be a whole number from 100 to 600000",
            "SCALEGUARD_SIGNING_KEY_SECRET|hunter2!|SCALEGUARD_SIGNING_KEY_SECRET: must be 32 bytes in base64 (openssl rand -base64 32); it is not base64",
            "SCALEGUARD_SIGNING_KEY_SECRET|c2hvcnQ=|SCALEGUARD_SIGNING_KEY_SECRET: must be 32 bytes in base64 (openssl rand -base64 32), not 5 bytes",
            "SCALEGUARD_SIGNING_KEY_SECRET|' '|SCALEGUARD_SIGNING_KEY_SECRET: is set but empty",
            "SCALEGUARD_REDIS_KEY_PREFIX|a{b}|SCALEGUARD_REDIS_KEY_PREFIX: must be 1 to 32 printable ASCII characters without braces",
            "SCALEGUARD_REPLICAS|0|SCALEGUARD_REPLICAS: must be a whole number from 1 to 1000, was '0'",
            "SCALEGUARD_PASSWORD_HASH_ITERATIONS|0|SCALEGUARD_PASSWORD_HASH_ITERATIONS: must be a whole number from 1 to 64",
            "SCALEGUARD_PASSWORD_HASH_MEMORY_KIB|4|SCALEGUARD_PASSWORD_HASH_MEMORY_KIB: Argon2 needs at least 8 KiB per lane",
            "SCALEGUARD_PASSWORD_HASH_CONCURRENCY|many|SCALEGUARD_PASSWORD_HASH_CONCURRENCY: must be a whole number",
            "SCALEGUARD_LOG_FORMAT|xml|SCALEGUARD_LOG_FORMAT: must be text or json",
            "SCALEGUARD_POLICY_FILE|/no/such/file|SCALEGUARD_POLICY_FILE: cannot read '/no/such/file'",
    })
    void stopsWithOneLineNamingTheVariable(String variable, String value, String message) {
        assertThatThrownBy(() -> ConfigLoader.load(Map.of(variable, value)))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith(message)
                .hasMessageNotContaining("\n");
    }

    @Test
    void takesASigningKeySecretAndNeverPrintsIt() {
        String secret = "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=";
        ScaleGuardConfig config = ConfigLoader.load(Map.of("SCALEGUARD_SIGNING_KEY_SECRET", secret));
        assertThat(config.signingKeySecret()).hasValueSatisfying(key -> assertThat(key).hasToString("SigningKeySecret[****]"));
        assertThat(config.toString()).contains("SigningKeySecret[****]").doesNotContain(secret);
    }

    @Test
    void refusesAStandaloneRedisAndAClusterAtOnce() {
        assertThatThrownBy(() -> ConfigLoader.load(Map.of("SCALEGUARD_REDIS_URL", "redis://a:1", "SCALEGUARD_REDIS_CLUSTER_NODES", "redis://b:2")))
                .hasMessageContaining("both set");
    }

    @Test
    void aConfigFileAddsSettingsAndTheEnvironmentWins() throws IOException {
        Path file = Files.writeString(dir.resolve("scaleguard.properties"), "SCALEGUARD_HTTP_PORT=9000\nSCALEGUARD_RATE_CAPACITY=25\n");
        ScaleGuardConfig config = ConfigLoader.load(Map.of("SCALEGUARD_CONFIG_FILE", file.toString(), "SCALEGUARD_HTTP_PORT", "9100"));
        assertThat(config.httpPort()).isEqualTo(9100);
        assertThat(config.policies().forPlan(Plan.DEFAULT).limits().get(0).capacity()).isEqualTo(25);
    }

    @Test
    void readsPlansWithSeveralLimitsAndShadowModeFromThePolicyFile() throws IOException {
        Path file = Files.writeString(dir.resolve("policies.conf"), """
                # the pro plan: a burst of 50, 20/s, and at most 5000 an hour
                policy.pro.limit.burst = 50 per 20/1s
                policy.pro.limit.hourly = 5000 per 5000/1h

                policy.trial.limit.burst = 5 per 1/2s
                policy.trial.shadow = true
                """);
        RatePolicies policies = ConfigLoader.load(Map.of("SCALEGUARD_POLICY_FILE", file.toString())).policies();
        assertThat(policies.forPlan(new Plan("pro")).limits()).extracting(l -> l.name()).containsExactly("burst", "hourly");
        assertThat(policies.forPlan(new Plan("pro")).shadow()).isFalse();
        assertThat(policies.forPlan(new Plan("trial")).shadow()).isTrue();
        assertThat(policies.forPlan(new Plan("trial")).limits().get(0).windowSeconds()).isEqualTo(10);
        assertThat(policies.forPlan(new Plan("unknown")).name()).isEqualTo("default");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "policy.pro.limit.burst = fifty per second|line 2: limit 'burst' must read '<capacity> per <tokens>/<period>'",
            "policy.pro.limits = 5 per 1/1s|line 2: unknown key 'policy.pro.limits'",
            "policy.pro.shadow = maybe|line 2: shadow must be true or false",
            "policy.Pro.limit.burst = 5 per 1/1s|line 2: policy name must be",
            "policy.pro.shadow = true|line 2: policy 'pro' needs 1 to 8 limits",
            "just words|line 2: expected <key> = <value>",
    })
    void stopsOnABadPolicyFileNamingTheFileTheLineAndTheProblem(String line, String message) throws IOException {
        Path file = Files.writeString(dir.resolve("bad.conf"), "# header\n" + line + "\n");
        assertThatThrownBy(() -> ConfigLoader.load(Map.of("SCALEGUARD_POLICY_FILE", file.toString())))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("SCALEGUARD_POLICY_FILE " + file)
                .hasMessageContaining(message);
    }
}
