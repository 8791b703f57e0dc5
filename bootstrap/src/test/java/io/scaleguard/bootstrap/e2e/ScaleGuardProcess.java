package io.scaleguard.bootstrap.e2e;

import static org.awaitility.Awaitility.await;

import io.scaleguard.application.testing.FreePorts;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The built jar as an operator runs it: {@code java -jar bootstrap/target/scaleguard.jar}, in its own JVM, with the
 * given environment only. Its output goes to a log file the test can read.
 */
final class ScaleGuardProcess implements AutoCloseable {

    static final Path JAR = Path.of("target", "scaleguard.jar");
    /** Generous: CI machines are small and may be busy; a healthy start takes a few seconds. */
    static final Duration STARTUP = Duration.ofSeconds(90);

    private final Process process;
    private final Path log;
    final int port;

    private ScaleGuardProcess(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    static ScaleGuardProcess start(Path workDir, Map<String, String> environment, String... args) throws IOException {
        int port = FreePorts.one();
        List<String> command = new ArrayList<>(List.of(javaBinary(), "-jar", JAR.toAbsolutePath().toString()));
        command.addAll(List.of(args));
        Path log = Files.createTempFile(workDir, "scaleguard", ".log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("SCALEGUARD_"));
        builder.environment().put("SCALEGUARD_HTTP_PORT", Integer.toString(port));
        // the issuer is the URL clients use, so that a browser on it is same-origin with the token endpoint
        builder.environment().put("SCALEGUARD_ISSUER", "http://127.0.0.1:" + port);
        builder.environment().putAll(environment);
        return new ScaleGuardProcess(builder.start(), log, port);
    }

    /** Runs a command of the jar to completion and returns its exit code and output. */
    static Finished run(Path workDir, Map<String, String> environment, String... args) throws IOException, InterruptedException {
        try (ScaleGuardProcess process = start(workDir, environment, args)) {
            boolean ended = process.process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS);
            if (!ended) {
                throw new AssertionError("scaleguard " + String.join(" ", args) + " did not finish: " + process.output());
            }
            return new Finished(process.process.exitValue(), process.output());
        }
    }

    record Finished(int exitCode, String output) {
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /** Waits until {@code /health/ready} answers 200; fails at once with the log when the process exits. */
    void awaitReady() {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        await().atMost(STARTUP).pollInterval(Duration.ofMillis(100)).until(() -> {
            if (!process.isAlive()) {
                throw new AssertionError("scaleguard exited with " + process.exitValue() + ": " + output());
            }
            try {
                return client.send(HttpRequest.newBuilder(uri("/health/ready")).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
            } catch (IOException notListeningYet) {
                return false;
            }
        });
    }

    /** The body of {@code /health/ready}, whatever its status. */
    HttpResponse<String> readyBody() throws IOException, InterruptedException {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(HttpRequest.newBuilder(uri("/health/ready")).timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** SIGTERM, as an orchestrator stops a container; returns the exit code. */
    int terminate(Duration within) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(within.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
            throw new AssertionError("scaleguard did not stop within " + within + ": " + output());
        }
        return process.exitValue();
    }

    String output() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no output: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

}
