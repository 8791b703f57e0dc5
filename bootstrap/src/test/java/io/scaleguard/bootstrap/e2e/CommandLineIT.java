package io.scaleguard.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
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
        assertThat(ScaleGuardProcess.run(workDir, Map.of(), "migrate").output()).contains("database schema is up to date");
        ScaleGuardProcess.Finished unknown = ScaleGuardProcess.run(workDir, Map.of(), "users", "set-plan", "nobody", "pro");
        assertThat(unknown.exitCode()).isEqualTo(1);
        assertThat(unknown.output()).contains("no such user");

        try (ScaleGuardProcess server = ScaleGuardProcess.start(workDir, Map.of())) {
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

            assertThat(ScaleGuardProcess.run(workDir, Map.of(), "users", "set-plan", "carol", "pro").exitCode()).isZero();
            assertThat(ScaleGuardProcess.run(workDir, Map.of(), "users", "disable", "carol").exitCode()).isZero();
            HttpResponse<String> login = api.login("carol", ApiClient.PASSWORD);
            assertThat(login.statusCode()).isEqualTo(400);
            assertThat(ApiClient.json(login).get("error").asText()).isEqualTo("invalid_grant");
            server.terminate(Duration.ofSeconds(30));
        }
    }

    private static int jwksKeyCount(ApiClient api) {
        return ApiClient.json(api.get("/.well-known/jwks.json")).get("keys").size();
    }
}
