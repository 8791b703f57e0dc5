package io.scaleguard.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Swagger UI in a real browser (Debian's Chromium driven by playwright-core): authorise with the password flow against
 * the running jar, call GET /users/me with "Try it out", see 200 with the RateLimit headers. The screenshot is kept in
 * {@code target/browser/} as a test artifact.
 */
class SwaggerUiBrowserIT {

    private static final Path BROWSER_TESTS = Path.of("src", "test", "browser");
    private static final Path SCRIPT = BROWSER_TESTS.resolve("swagger-ui-password-flow.mjs");
    private static final Path SCREENSHOT = Path.of("target", "browser", "swagger-ui-users-me.png");

    @TempDir
    Path workDir;

    @Test
    void authorisesWithThePasswordFlowAndCallsUsersMeFromSwaggerUi() throws Exception {
        requireBrowserTools();
        try (ScaleGuardProcess server = ScaleGuardProcess.start(workDir, Map.of(
                "SCALEGUARD_PASSWORD_HASH_MEMORY_KIB", "1024", "SCALEGUARD_PASSWORD_HASH_ITERATIONS", "1"))) {
            server.awaitReady();
            new ApiClient(server).register("swagger");
            Files.createDirectories(SCREENSHOT.getParent());
            Files.deleteIfExists(SCREENSHOT);

            JsonNode shown = drive(server.uri("").toString(), "swagger");
            assertThat(shown.get("status").asText()).isEqualTo("200");
            assertThat(shown.get("details").asText())
                    .contains("\"username\": \"swagger\"")
                    .containsPattern("ratelimit: \"default\";r=\\d+;t=\\d+")
                    .containsPattern("ratelimit-policy: \"default\";q=10;w=10");
            assertThat(Files.size(SCREENSHOT)).as("the screenshot artifact").isPositive();
            server.terminate(Duration.ofSeconds(30));
        }
    }

    private JsonNode drive(String baseUrl, String username) throws IOException, InterruptedException {
        Path output = workDir.resolve("browser.out");
        Process node = new ProcessBuilder(List.of("node", SCRIPT.toString(), baseUrl, username, ApiClient.PASSWORD,
                SCREENSHOT.toAbsolutePath().toString())).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        if (!node.waitFor(3, TimeUnit.MINUTES)) {
            node.destroyForcibly();
            throw new AssertionError("the browser did not finish within 3 minutes: " + Files.readString(output));
        }
        List<String> lines = Files.readAllLines(output, StandardCharsets.UTF_8);
        assertThat(node.exitValue()).as(String.join("\n", lines)).isZero();
        return ApiClient.JSON.readTree(lines.get(lines.size() - 1));
    }

    /** Fails (never skips) when the browser tools are missing, saying how to get them. */
    private static void requireBrowserTools() {
        boolean playwright = Files.isDirectory(BROWSER_TESTS.resolve(Path.of("node_modules", "playwright-core")));
        boolean chromium = Files.isExecutable(Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium")));
        assertThat(playwright && chromium && onPath("node"))
                .as("this test needs node, Chromium and playwright-core: run bash ops/ci/install-test-tools.sh").isTrue();
    }

    private static boolean onPath(String command) {
        return java.util.Arrays.stream(System.getenv("PATH").split(java.io.File.pathSeparator))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, command)));
    }
}
