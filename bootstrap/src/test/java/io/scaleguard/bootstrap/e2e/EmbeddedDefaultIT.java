package io.scaleguard.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's first command: the jar with no configuration at all serves the whole API on the embedded default,
 * enforces the per-user limit, keeps accounts across a restart, and stops cleanly on SIGTERM.
 */
class EmbeddedDefaultIT {

    @TempDir
    Path workDir;

    @Test
    void servesKeepsAccountsAcrossARestartAndStopsCleanlyOnSigterm() throws Exception {
        // both runs are one deployment: one issuer, though each listens on a port of its own
        Map<String, String> deployment = Map.of("SCALEGUARD_ISSUER", "http://scaleguard.test");
        String accessToken;
        try (ScaleGuardProcess first = ScaleGuardProcess.start(workDir, deployment)) {
            first.awaitReady();
            ApiClient api = new ApiClient(first);
            api.register("alice");
            accessToken = api.accessToken("alice");
            assertThat(api.get("/users/me", accessToken).statusCode()).isEqualTo(200);

            assertThat(first.terminate(Duration.ofSeconds(30))).as(first.output()).isIn(0, 143);
            assertThat(first.output()).contains("stopped").doesNotContain("Exception in thread");
        }
        assertThat(Files.isDirectory(workDir.resolve("data"))).as("the embedded database lives under ./data").isTrue();

        try (ScaleGuardProcess second = ScaleGuardProcess.start(workDir, deployment)) {
            second.awaitReady();
            ApiClient api = new ApiClient(second);
            String newToken = api.accessToken("alice");
            assertThat(api.get("/users/me", accessToken).statusCode())
                    .as("the signing key survived the restart, so the earlier token still verifies").isEqualTo(200);
            assertThat(ApiClient.json(api.get("/users/me", newToken)).get("username").asText()).isEqualTo("alice");
            second.terminate(Duration.ofSeconds(30));
        }
    }

    @Test
    void enforcesTheDefaultPlanOfTenRequestsPerUserWithoutRedis() throws Exception {
        try (ScaleGuardProcess server = ScaleGuardProcess.start(workDir, Map.of("SCALEGUARD_RATE_REFILL_PER_SECOND", "0.01"))) {
            server.awaitReady();
            ApiClient api = new ApiClient(server);
            api.register("bob");
            String token = api.accessToken("bob");
            int allowed = 0;
            HttpResponse<String> last = null;
            for (int i = 0; i < 12; i++) {
                last = api.get("/users/me/items", token);
                allowed += last.statusCode() == 200 ? 1 : 0;
            }
            assertThat(allowed).isEqualTo(10);
            assertThat(last.statusCode()).isEqualTo(429);
            assertThat(last.headers().firstValue("Retry-After")).hasValueSatisfying(v -> assertThat(Long.parseLong(v)).isPositive());
            assertThat(last.headers().firstValue("RateLimit")).hasValueSatisfying(v -> assertThat(v).startsWith("\"default\";r=0;t="));
            server.terminate(Duration.ofSeconds(30));
        }
    }

    @Test
    void refusesABadSettingWithOneLineNamingTheVariable() throws Exception {
        ScaleGuardProcess.Finished finished = ScaleGuardProcess.run(workDir, Map.of("SCALEGUARD_RATE_CAPACITY", "ten"));
        assertThat(finished.exitCode()).isNotZero();
        assertThat(finished.output().strip().lines()).hasSize(1);
        assertThat(finished.output()).contains("SCALEGUARD_RATE_CAPACITY");
    }
}
