package io.scaleguard.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.scaleguard.adapters.postgres.TestDatabase;
import io.scaleguard.adapters.redis.TestRedis;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two replicas of the jar on one Redis and one PostgreSQL, as in production: an account made on one logs in on the
 * other, a token signed by one verifies on the other, and one user's bucket is one bucket across both.
 */
class SharedStateIT {

    private static TestDatabase.Schema schema;
    private static Map<String, String> environment;

    @TempDir
    static Path workDir;

    @BeforeAll
    static void sharedServers() throws Exception {
        schema = TestDatabase.freshSchema();
        Path policies = Files.writeString(workDir.resolve("policies.conf"), """
                policy.pro.limit.burst = 5 per 1/1h
                policy.pro.limit.daily = 3 per 3/1d
                policy.trial.limit.burst = 1 per 1/1h
                policy.trial.shadow = true
                """);
        environment = new HashMap<>(Map.of(
                "SCALEGUARD_REDIS_URL", TestRedis.url().toString(),
                "SCALEGUARD_REDIS_KEY_PREFIX", TestRedis.uniqueKeyPrefix(),
                // a busy test machine can take longer than the production budget; exactness needs every call answered
                "SCALEGUARD_REDIS_TIMEOUT_MS", "5000",
                "SCALEGUARD_DB_URL", schema.jdbcUrl(),
                "SCALEGUARD_RATE_CAPACITY", "10",
                "SCALEGUARD_RATE_REFILL_PER_SECOND", "0.001",
                "SCALEGUARD_POLICY_FILE", policies.toString(),
                "SCALEGUARD_ISSUER", "http://edge.example",
                "SCALEGUARD_PASSWORD_HASH_MEMORY_KIB", "1024",
                "SCALEGUARD_PASSWORD_HASH_ITERATIONS", "1"));
    }

    @AfterAll
    static void dropSchema() {
        schema.close();
    }

    @Test
    void replicasShareAccountsKeysAndEveryUsersBucket() throws Exception {
        try (ScaleGuardProcess first = ScaleGuardProcess.start(workDir, environment);
             ScaleGuardProcess second = ScaleGuardProcess.start(workDir, environment)) {
            first.awaitReady();
            second.awaitReady();
            ApiClient one = new ApiClient(first);
            ApiClient two = new ApiClient(second);
            one.register("dora");
            String token = two.accessToken("dora");

            int admitted = 0;
            for (int i = 0; i < 20; i++) {
                HttpResponse<String> response = (i % 2 == 0 ? one : two).get("/users/me", token);
                assertThat(response.statusCode()).isIn(200, 429);
                admitted += response.statusCode() == 200 ? 1 : 0;
            }
            assertThat(admitted).as("one bucket of ten, whichever replica answers").isEqualTo(10);
            assertThat(first.output() + second.output()).as("Redis answered every decision").doesNotContain("in force");
            assertThat(ApiClient.json(first.readyBody()).get("checks").get("redis").asText()).isEqualTo("UP");
            first.terminate(Duration.ofSeconds(30));
            second.terminate(Duration.ofSeconds(30));
        }
    }

    @Test
    void aPlanFromThePolicyFileAppliesAllItsLimitsAndShadowPlansNeverRefuse() throws Exception {
        try (ScaleGuardProcess server = ScaleGuardProcess.start(workDir, environment)) {
            server.awaitReady();
            ApiClient api = new ApiClient(server);
            api.register("erin");
            api.register("fred");
            assertThat(ScaleGuardProcess.run(workDir, environment, "users", "set-plan", "erin", "pro").exitCode()).isZero();
            assertThat(ScaleGuardProcess.run(workDir, environment, "users", "set-plan", "fred", "trial").exitCode()).isZero();

            String erin = api.accessToken("erin");
            List<Integer> statuses = new java.util.ArrayList<>();
            HttpResponse<String> last = null;
            for (int i = 0; i < 4; i++) {
                last = api.get("/users/me", erin);
                statuses.add(last.statusCode());
            }
            assertThat(statuses).as("the daily limit of three bites before the burst of five").containsExactly(200, 200, 200, 429);
            assertThat(last.headers().firstValue("RateLimit-Policy")).hasValueSatisfying(v -> assertThat(v).startsWith("\"pro\";q=3;"));

            String fred = api.accessToken("fred");
            for (int i = 0; i < 3; i++) {
                assertThat(api.get("/users/me", fred).statusCode()).as("shadow mode counts but never refuses").isEqualTo(200);
            }
            server.terminate(Duration.ofSeconds(30));
        }
    }
}
