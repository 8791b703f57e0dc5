package io.scaleguard.benchmarks;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Redis's own {@code redis-benchmark} calling ScaleGuard's script by SHA, 50 clients: the ceiling of this Redis for
 * this script, without any Java client in the way. Runs only where {@code redis-benchmark} is on PATH.
 */
final class RedisBenchmarkTool {

    /** Requests per second and latency percentiles, as redis-benchmark's CSV reports them. */
    record Result(double perSecond, double p50Millis, double p99Millis) {
    }

    private RedisBenchmarkTool() {
    }

    static Optional<Path> binary() {
        return List.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)).stream()
                .map(dir -> Path.of(dir, "redis-benchmark")).filter(Files::isExecutable).findFirst();
    }

    /**
     * {@code EVALSHA sha 1 key '' 1 1 capacityUnits unitsPerToken unitsPerMicro} (one decision at Redis TIME: cost 1,
     * one limit); with {@code keys > 1} the key holds
     * {@code __rand_int__}, which redis-benchmark replaces with a random number below {@code keys}.
     */
    static Result run(Path binary, int port, int pipeline, int requests, String sha, String key, int keys, List<String> limitArguments)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(binary.toString(), "-h", "127.0.0.1", "-p", String.valueOf(port),
                "-c", "50", "-n", String.valueOf(requests), "-P", String.valueOf(pipeline), "--csv"));
        if (keys > 1) {
            command.addAll(List.of("-r", String.valueOf(keys)));
        }
        command.addAll(List.of("EVALSHA", sha, "1", key, "", "1", "1"));
        command.addAll(limitArguments);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IOException("redis-benchmark failed: " + output);
        }
        // "test","rps","avg_latency_ms","min_latency_ms","p50_latency_ms","p95_latency_ms","p99_latency_ms","max_latency_ms"
        String[] lines = output.strip().split("\r?\n");
        String[] fields = lines[lines.length - 1].replace("\"", "").split(",");
        return new Result(Double.parseDouble(fields[fields.length - 7]), Double.parseDouble(fields[fields.length - 4]),
                Double.parseDouble(fields[fields.length - 2]));
    }
}
