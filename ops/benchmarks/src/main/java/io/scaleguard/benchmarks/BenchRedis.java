package io.scaleguard.benchmarks;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import redis.embedded.core.ExecutableProvider;

/**
 * The Redis every contender uses in one run. Either the one named by {@value #URL_VARIABLE} (which must be dedicated to
 * the benchmark: its memory figures are deltas, and nothing is ever flushed there), or a redis-server this harness
 * starts on a spare loopback port (the one on PATH, else the embedded-redis artifact's) and stops at the end. Only that
 * private server is flushed between memory measurements.
 */
final class BenchRedis implements AutoCloseable {

    static final String URL_VARIABLE = "SCALEGUARD_BENCH_REDIS_URL";

    private final URI url;
    private final Process process;
    private final Path directory;
    private final RedisClient client;
    private final StatefulRedisConnection<String, String> connection;
    private final RedisCommands<String, String> commands;

    private BenchRedis(URI url, Process process, Path directory) {
        this.url = url;
        this.process = process;
        this.directory = directory;
        this.client = RedisClient.create(url.toString());
        this.connection = client.connect();
        this.commands = connection.sync();
    }

    static BenchRedis startOrConnect() throws IOException, InterruptedException {
        String named = System.getenv(URL_VARIABLE);
        if (named != null && !named.isBlank()) {
            return new BenchRedis(URI.create(named.strip()), null, null);
        }
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path directory = Files.createTempDirectory("scaleguard-bench-redis-");
        Process process = new ProcessBuilder(binary(), "--port", String.valueOf(port), "--bind", "127.0.0.1", "--save", "",
                "--appendonly", "no", "--dir", directory.toString())
                .redirectErrorStream(true).redirectOutput(directory.resolve("redis.log").toFile()).start();
        URI url = URI.create("redis://127.0.0.1:" + port);
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!accepts(port)) {
            if (System.nanoTime() > deadline || !process.isAlive()) {
                process.destroyForcibly();
                throw new IOException("redis-server did not start on port " + port + "; see " + directory.resolve("redis.log"));
            }
            Thread.sleep(20);
        }
        return new BenchRedis(url, process, directory);
    }

    private static boolean accepts(int port) {
        try (Socket ignored = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException notYet) {
            return false;
        }
    }

    private static String binary() throws IOException {
        Optional<String> onPath = List.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)).stream()
                .map(dir -> Path.of(dir, "redis-server")).filter(Files::isExecutable).map(Path::toString).findFirst();
        return onPath.isPresent() ? onPath.get() : ExecutableProvider.newJarResourceProvider().get().getAbsolutePath();
    }

    URI url() {
        return url;
    }

    boolean ownServer() {
        return process != null;
    }

    int port() {
        return url.getPort();
    }

    RedisCommands<String, String> commands() {
        return commands;
    }

    /** {@code used_memory} in bytes. */
    long usedMemory() {
        return Long.parseLong(info("memory", "used_memory"));
    }

    /** Redis CPU seconds, user plus system, used since it started. */
    double cpuSeconds() {
        return Double.parseDouble(info("cpu", "used_cpu_user")) + Double.parseDouble(info("cpu", "used_cpu_sys"));
    }

    String version() {
        return info("server", "redis_version");
    }

    /** Empties the private server between memory measurements; never a Redis that was named from outside. */
    void flushIfOwn() {
        if (ownServer()) {
            commands().flushall();
        }
    }

    private String info(String section, String field) {
        for (String line : commands().info(section).split("\r?\n")) {
            if (line.startsWith(field + ":")) {
                return line.substring(field.length() + 1).strip();
            }
        }
        throw new IllegalStateException("INFO " + section + " has no " + field);
    }

    @Override
    public void close() throws IOException {
        connection.close();
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        if (process != null) {
            process.destroy();
            try {
                process.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            try (var files = Files.walk(directory)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }
}
