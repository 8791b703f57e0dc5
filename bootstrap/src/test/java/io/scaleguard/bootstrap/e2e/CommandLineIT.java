package io.scaleguard.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The admin commands of the jar, run as an operator runs them, on the embedded database a server then uses. */
class CommandLineIT {

    @TempDir
    Path workDir;

    @ParameterizedTest
    @ValueSource(strings = {"serve", "migrate", "keys rotate", "users set-plan", "users disable"})
    void everyCommandExplainsItselfWithHelp(String command) throws Exception {
        String[] args = (command + " --help").split(" ");
        ScaleGuardProcess.Finished finished = ScaleGuardProcess.run(workDir, Map.of(), args);
        assertThat(finished.exitCode()).isZero();
        assertThat(finished.output()).startsWith("Usage: scaleguard " + command);
    }

    @Test
    void migratesRotatesKeysAndAdministersUsersOnTheDatabaseTheServerUses() throws Exception {
        Path policies = Files.writeString(workDir.resolve("policies.conf"), "policy.pro.limit.burst = 50 per 20/1s\n");
        Map<String, String> withPro = Map.of("SCALEGUARD_POLICY_FILE", policies.toString());
        assertThat(ScaleGuardProcess.run(workDir, Map.of(), "migrate").output()).contains("database schema is up to date");
        ScaleGuardProcess.Finished unknown = ScaleGuardProcess.run(workDir, withPro, "users", "set-plan", "nobody", "pro");
        assertThat(unknown.exitCode()).isEqualTo(1);
        assertThat(unknown.output()).contains("no such user");

        try (ScaleGuardProcess server = ScaleGuardProcess.start(workDir, withPro)) {
            server.awaitReady();
            ApiClient api = new ApiClient(server);
            assertThat(jwksKeyCount(api)).isEqualTo(1);
            api.register("carol");
            String before = api.accessToken("carol");

            ScaleGuardProcess.Finished rotated = ScaleGuardProcess.run(workDir, Map.of(), "keys", "rotate", "--reason", "test");
            assertThat(rotated.exitCode()).as(rotated.output()).isZero();
            assertThat(jwksKeyCount(api)).as("the running replica publishes the new key beside the old one").isEqualTo(2);
            assertThat(api.get("/users/me", before).statusCode()).as("a token of the old key still verifies").isEqualTo(200);
            assertThat(api.get("/users/me", api.accessToken("carol")).statusCode()).isEqualTo(200);

            ScaleGuardProcess.Finished typo = ScaleGuardProcess.run(workDir, withPro, "users", "set-plan", "carol", "pr0");
            assertThat(typo.exitCode()).isEqualTo(1);
            assertThat(typo.output()).contains("no plan named 'pr0'; the plans are default, pro");
            assertThat(ScaleGuardProcess.run(workDir, withPro, "users", "set-plan", "carol", "login-ip").exitCode())
                    .as("a login policy is no plan").isEqualTo(1);
            assertThat(ScaleGuardProcess.run(workDir, withPro, "users", "set-plan", "carol", "pro").exitCode()).isZero();
            String onPro = api.accessToken("carol");
            assertThat(api.get("/users/me", onPro).headers().firstValue("RateLimit-Policy")).hasValueSatisfying(
                    policy -> assertThat(policy).as("the new token carries the plan").startsWith("\"pro\";q=50;"));
            // the profile is cached for a few seconds per replica, so the plan shows there a little later
            await().atMost(Duration.ofSeconds(30)).until(() -> ApiClient.json(api.get("/users/me", onPro)).get("plan").asText().equals("pro"));
            assertThat(ScaleGuardProcess.run(workDir, Map.of(), "users", "disable", "carol").exitCode()).isZero();
            HttpResponse<String> login = api.login("carol", ApiClient.PASSWORD);
            assertThat(login.statusCode()).isEqualTo(400);
            assertThat(ApiClient.json(login).get("error").asText()).isEqualTo("invalid_grant");
            server.terminate(Duration.ofSeconds(30));
        }
    }

    @Test
    void sealsTheSigningKeysUnderASecretAndStartsNoReplicaThatLacksIt() throws Exception {
        // one issuer for both starts (by default it follows the port), so that a token of the first verifies on the second
        Map<String, String> sealed = Map.of("SCALEGUARD_SIGNING_KEY_SECRET", "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=",
                "SCALEGUARD_ISSUER", "http://scaleguard.test");
        String token;
        try (ScaleGuardProcess server = ScaleGuardProcess.start(workDir, sealed)) {
            server.awaitReady();
            ApiClient api = new ApiClient(server);
            api.register("dave");
            token = api.accessToken("dave");
            server.terminate(Duration.ofSeconds(30));
        }

        ScaleGuardProcess.Finished unsealed = ScaleGuardProcess.run(workDir, Map.of(), "serve");
        assertThat(unsealed.exitCode()).isNotZero();
        assertThat(unsealed.output()).containsOnlyOnce("scaleguard: ")
                .contains("is sealed, and no signing-key secret is configured");

        try (ScaleGuardProcess server = ScaleGuardProcess.start(workDir, sealed)) {
            server.awaitReady();
            assertThat(new ApiClient(server).get("/users/me", token).statusCode()).as("the sealed key still verifies").isEqualTo(200);
            server.terminate(Duration.ofSeconds(30));
        }
    }

    private static int jwksKeyCount(ApiClient api) {
        return ApiClient.json(api.get("/.well-known/jwks.json")).get("keys").size();
    }
}
