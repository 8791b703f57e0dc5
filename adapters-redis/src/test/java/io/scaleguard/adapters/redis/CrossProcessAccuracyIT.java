package io.scaleguard.adapters.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.scaleguard.application.port.out.RateLimitEvents;
import io.scaleguard.domain.ratelimit.BucketKey;
import io.scaleguard.domain.ratelimit.Limit;
import io.scaleguard.domain.ratelimit.RateLimitRequest;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Accuracy across processes (RATE-LIMITING.md): two separate JVMs with 32 threads each hammer one key of capacity 100
 * refilled at 50/s for 10 s. This test drains the bucket first, at Redis time t0, so that it is never full again
 * during the run and every token refilled counts. Then, from the Redis time of every decision:
 * <ul>
 *   <li>no over-admission: by each admission's time t, at most {@code C + r (t - t0)} were admitted in all;</li>
 *   <li>under-admission within one refill interval: at each refusal's time t, less than one token of
 *       {@code C + r (t - t0)} was left unadmitted.</li>
 * </ul>
 */
class CrossProcessAccuracyIT {

    private static final long CAPACITY = 100;
    private static final long PER_SECOND = 50;
    private static final int RUN_SECONDS = 10;
    private static final int THREADS = 32;
    private static final int PROCESSES = 2;
    private static final Duration TIMEOUT = AccuracyWorker.TIMEOUT;

    @Test
    void twoJvmsOnOneKeyNeverOverAdmitAndLeaveLessThanOneTokenUnused(@TempDir Path directory) throws Exception {
        String prefix = TestRedis.uniqueKeyPrefix();
        String key = "accuracy:" + UUID.randomUUID();
        Limit limit = Limit.perSecond("accuracy", CAPACITY, String.valueOf(PER_SECOND));

        List<Process> workers = new ArrayList<>();
        try {
            for (int i = 0; i < PROCESSES; i++) {
                workers.add(startWorker(prefix, key, directory.resolve("decisions-" + i)));
            }
            for (Process worker : workers) {
                awaitReady(worker);
            }
            long drainedAt = drain(prefix, new BucketKey(key), limit);
            for (Process worker : workers) {
                OutputStream in = worker.getOutputStream();
                in.write("GO\n".getBytes(StandardCharsets.UTF_8));
                in.flush();
            }
            for (Process worker : workers) {
                assertThat(worker.waitFor(RUN_SECONDS + 60, TimeUnit.SECONDS)).as("worker finished").isTrue();
                assertThat(worker.exitValue()).as("worker exit code").isZero();
            }

            long[] decisions = readAll(directory);
            // by time; at the same microsecond admissions first, since Redis may have taken them before the refusal
            Arrays.sort(decisions);
            long windowEnd = drainedAt + TimeUnit.SECONDS.toMicros(RUN_SECONDS);
            long admitted = CAPACITY;
            long refusals = 0;
            for (long record : decisions) {
                long at = record >> 1;
                if (at > windowEnd) {
                    break;
                }
                long available = tokensAvailableBy(limit, drainedAt, at);
                if ((record & 1) == 0) {
                    admitted++;
                    assertThat(admitted).as("admitted by %d us after the drain", at - drainedAt).isLessThanOrEqualTo(available);
                } else {
                    refusals++;
                    assertThat(available - admitted).as("tokens left unadmitted at a refusal %d us after the drain", at - drainedAt)
                            .isLessThan(1);
                }
            }
            System.out.printf("accuracy: %d JVMs x %d threads, %d decisions in %d s of Redis time: admitted %d of C + r t = %d, refused %d%n",
                    PROCESSES, THREADS, admitted - CAPACITY + refusals, RUN_SECONDS, admitted, CAPACITY + PER_SECOND * RUN_SECONDS, refusals);
            assertThat(refusals).as("the key was contended: most calls were refused").isGreaterThan(admitted);
            assertThat(admitted).as("admitted over the whole window").isLessThanOrEqualTo(CAPACITY + PER_SECOND * RUN_SECONDS);
        } finally {
            workers.forEach(Process::destroyForcibly);
        }
    }

    /** Whole tokens the bucket has handed out or holds by {@code at}, counting from empty at {@code drainedAt}, plus the drained capacity. */
    private static long tokensAvailableBy(Limit limit, long drainedAt, long at) {
        return CAPACITY + (at - drainedAt) * limit.refillUnitsPerMicro() / limit.unitsPerToken();
    }

    /** Takes the whole capacity in one request and returns the Redis time it was taken at. */
    private static long drain(String prefix, BucketKey key, Limit limit) throws Exception {
        Duration timeout = TIMEOUT;
        try (RedissonLimiterHandle handle = (RedissonLimiterHandle) RedisRateLimiters.standalone(TestRedis.url(), timeout, prefix, RateLimitEvents.IGNORED)) {
            DecisionScript script = new DecisionScript(prefix);
            PipelinedDecisions decisions = handle.decisions();
            RateLimitRequest all = new RateLimitRequest(key, List.of(limit), CAPACITY);
            List<Object> reply = decisions.call(script.key(all), DecisionScript.arguments(all)).get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            assertThat(DecisionScript.decision(all, reply).allowed()).isTrue();
            return DecisionScript.decidedAtMicros(reply);
        }
    }

    private static Process startWorker(String prefix, String key, Path output) throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        return new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"), AccuracyWorker.class.getName(),
                TestRedis.url().toString(), prefix, key, String.valueOf(CAPACITY), String.valueOf(PER_SECOND),
                String.valueOf(RUN_SECONDS), String.valueOf(THREADS), output.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
    }

    private static void awaitReady(Process worker) throws IOException, InterruptedException {
        BufferedReader out = new BufferedReader(new InputStreamReader(worker.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null) {
            if (line.equals("READY")) {
                return;
            }
        }
        throw new IllegalStateException("a worker exited before it was ready, exit code " + worker.waitFor());
    }

    private static long[] readAll(Path directory) throws IOException {
        List<Long> all = new ArrayList<>();
        try (var files = Files.list(directory)) {
            for (Path file : files.toList()) {
                try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
                    long size = Files.size(file) / Long.BYTES;
                    for (long i = 0; i < size; i++) {
                        all.add(in.readLong());
                    }
                }
            }
        }
        return all.stream().mapToLong(Long::longValue).toArray();
    }
}
