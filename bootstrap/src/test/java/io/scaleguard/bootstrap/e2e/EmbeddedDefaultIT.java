package io.scaleguard.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
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

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PASSWORD = "correct horse battery";
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    Path workDir;

    @Test
    void servesKeepsAccountsAcrossARestartAndStopsCleanlyOnSigterm() throws Exception {
        String accessToken;
        try (ScaleGuardProcess first = ScaleGuardProcess.start(workDir, Map.of())) {
            first.awaitReady(client);
            register(first, "alice");
            accessToken = login(first, "alice");
            assertThat(send(get(first, "/users/me", accessToken)).statusCode()).isEqualTo(200);

            assertThat(first.terminate(Duration.ofSeconds(30))).as(first.output()).isIn(0, 143);
            assertThat(first.output()).contains("stopped").doesNotContain("Exception in thread");
        }
        assertThat(Files.isDirectory(workDir.resolve("data"))).as("the embedded database lives under ./data").isTrue();

        try (ScaleGuardProcess second = ScaleGuardProcess.start(workDir, Map.of())) {
            second.awaitReady(client);
            String newToken = login(second, "alice");
            assertThat(send(get(second, "/users/me", accessToken)).statusCode())
                    .as("the signing key survived the restart, so the earlier token still verifies").isEqualTo(200);
            HttpResponse<String> me = send(get(second, "/users/me", newToken));
            assertThat(JSON.readTree(me.body()).get("username").asText()).isEqualTo("alice");
            second.terminate(Duration.ofSeconds(30));
        }
    }

    @Test
    void enforcesTheDefaultPlanOfTenRequestsPerUserWithoutRedis() throws Exception {
        try (ScaleGuardProcess server = ScaleGuardProcess.start(workDir, Map.of("SCALEGUARD_RATE_REFILL_PER_SECOND", "0.01"))) {
            server.awaitReady(client);
            register(server, "bob");
            String token = login(server, "bob");
            int allowed = 0;
            HttpResponse<String> last = null;
            for (int i = 0; i < 12; i++) {
                last = send(get(server, "/users/me/items", token));
                allowed += last.statusCode() == 200 ? 1 : 0;
            }
            assertThat(allowed).isEqualTo(10);
            assertThat(last.statusCode()).isEqualTo(429);
            assertThat(last.headers().firstValue("Retry-After")).hasValueSatisfying(v -> assertThat(Long.parseLong(v)).isPositive());
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

    private String login(ScaleGuardProcess server, String username) throws Exception {
        String form = "grant_type=password&username=" + URLEncoder.encode(username, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8);
        HttpResponse<String> response = send(post(server, "/auth/token", "application/x-www-form-urlencoded", form));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode body = JSON.readTree(response.body());
        return body.get("access_token").asText();
    }

    private void register(ScaleGuardProcess server, String username) throws Exception {
        String json = "{\"username\":\"" + username + "\",\"email\":\"" + username + "@example.com\",\"password\":\"" + PASSWORD + "\"}";
        HttpResponse<String> response = send(post(server, "/register", "application/json", json));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    }

    private static HttpRequest post(ScaleGuardProcess server, String path, String contentType, String body) {
        return HttpRequest.newBuilder(server.uri(path)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private static HttpRequest get(ScaleGuardProcess server, String path, String token) {
        return HttpRequest.newBuilder(server.uri(path)).header("Authorization", "Bearer " + token).build();
    }

    private HttpResponse<String> send(HttpRequest request) throws Exception {
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
