package io.scaleguard.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
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

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

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
            server.awaitReady(client);
            assertThat(jwksKeyCount(server)).isEqualTo(1);
            HttpResponse<String> registered = client.send(HttpRequest.newBuilder(server.uri("/register"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"carol\",\"email\":\"carol@example.com\",\"password\":\"correct horse battery\"}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(registered.statusCode()).isEqualTo(201);

            ScaleGuardProcess.Finished rotated = ScaleGuardProcess.run(workDir, Map.of(), "keys", "rotate");
            assertThat(rotated.exitCode()).as(rotated.output()).isZero();
            assertThat(jwksKeyCount(server)).as("the running replica publishes the new key beside the old one").isEqualTo(2);

            assertThat(ScaleGuardProcess.run(workDir, Map.of(), "users", "set-plan", "carol", "pro").exitCode()).isZero();
            assertThat(ScaleGuardProcess.run(workDir, Map.of(), "users", "disable", "carol").exitCode()).isZero();
            HttpResponse<String> login = client.send(HttpRequest.newBuilder(server.uri("/auth/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("grant_type=password&username=carol&password=correct+horse+battery"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(login.statusCode()).isEqualTo(400);
            assertThat(JSON.readTree(login.body()).get("error").asText()).isEqualTo("invalid_grant");
            server.terminate(Duration.ofSeconds(30));
        }
    }

    private int jwksKeyCount(ScaleGuardProcess server) throws Exception {
        HttpResponse<String> jwks = client.send(HttpRequest.newBuilder(server.uri("/.well-known/jwks.json")).build(),
                HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(jwks.body()).get("keys").size();
    }
}
