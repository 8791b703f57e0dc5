package io.scaleguard.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.scaleguard.adapters.redis.PrivateRedis;
import io.scaleguard.adapters.redis.TestRedis;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The replica keeps serving while its Redis is down, as SCALEGUARD_RATE_FAILURE_MODE says, never with a 500 and never
 * hanging, reports Redis down on readiness (failing readiness only in the closed mode), and goes back to the shared
 * buckets when Redis returns.
 */
class RedisOutageIT {

    @TempDir
    Path workDir;

    private Map<String, String> environment(PrivateRedis redis, String mode) {
        return Map.of("SCALEGUARD_REDIS_URL", redis.url().toString(),
                "SCALEGUARD_RATE_FAILURE_MODE", mode,
                // generous for a busy test machine: a stopped Redis refuses connections at once anyway
                "SCALEGUARD_REDIS_TIMEOUT_MS", "2000",
                "SCALEGUARD_RATE_CAPACITY", "6",
                "SCALEGUARD_RATE_REFILL_PER_SECOND", "0.001",
                "SCALEGUARD_REPLICAS", "2",
                "SCALEGUARD_PASSWORD_HASH_MEMORY_KIB", "1024",
                "SCALEGUARD_PASSWORD_HASH_ITERATIONS", "1");
    }

    @ParameterizedTest(name = "failure mode {0}")
    @CsvSource({"local,3", "open,10", "closed,0"})
    void answersByTheFailureModeWhileRedisIsDown(String mode, int admittedOfTen) throws Exception {
        try (PrivateRedis redis = TestRedis.startPrivate();
             ScaleGuardProcess server = ScaleGuardProcess.start(workDir, environment(redis, mode))) {
            server.awaitReady();
            ApiClient api = new ApiClient(server);
            api.register("gina");
            String token = api.accessToken("gina");
            assertThat(api.get("/users/me", token).statusCode()).isEqualTo(200);

            redis.stop();
            int admitted = 0;
            for (int i = 0; i < 10; i++) {
                HttpResponse<String> response = api.get("/users/me", token);
                assertThat(response.statusCode()).as(response.body()).isIn(200, 429);
                admitted += response.statusCode() == 200 ? 1 : 0;
            }
            assertThat(admitted).as("%s: with two replicas, local holds half of the burst of six", mode).isEqualTo(admittedOfTen);
            HttpResponse<String> ready = server.readyBody();
            // only where nothing is served without Redis does its outage take the replica out of its load balancer
            if (mode.equals("closed")) {
                assertThat(ready.statusCode()).isEqualTo(503);
                assertThat(ready.body()).contains("redis");
            } else {
                assertThat(ready.statusCode()).isEqualTo(200);
                assertThat(ApiClient.json(ready).get("status").asText()).isEqualTo("DEGRADED");
                assertThat(ApiClient.json(ready).get("checks").get("redis").asText()).isEqualTo("DOWN");
            }
            server.terminate(Duration.ofSeconds(30));
            assertThat(server.output()).containsOnlyOnce("failure mode '" + mode + "' in force");
        }
    }

    @Test
    void returnsToTheSharedBucketsWhenRedisComesBack() throws Exception {
        try (PrivateRedis redis = TestRedis.startPrivate();
             ScaleGuardProcess server = ScaleGuardProcess.start(workDir, environment(redis, "local"))) {
            server.awaitReady();
            ApiClient api = new ApiClient(server);
            api.register("hank");
            String token = api.accessToken("hank");
            for (int i = 0; i < 5; i++) {
                assertThat(api.get("/users/me", token).statusCode()).isEqualTo(200);
            }
            redis.stop();
            api.get("/users/me", token);
            redis.startAgain();
            await().atMost(Duration.ofSeconds(30)).until(() -> ApiClient.json(server.readyBody()).get("status").asText().equals("UP"));
            // Redis was restarted empty (no persistence), so the shared bucket starts full again: six requests pass
            await().atMost(Duration.ofSeconds(30)).until(() -> api.get("/users/me", token).headers()
                    .firstValue("RateLimit-Policy").orElse("").contains("q=6"));
            server.terminate(Duration.ofSeconds(30));
            assertThat(server.output()).contains("back to the shared buckets");
        }
    }
}
