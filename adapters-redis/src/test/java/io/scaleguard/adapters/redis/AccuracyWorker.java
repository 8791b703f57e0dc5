package io.scaleguard.adapters.redis;

import io.scaleguard.application.port.out.RateLimitEvents;
import io.scaleguard.domain.ratelimit.BucketKey;
import io.scaleguard.domain.ratelimit.Limit;
import io.scaleguard.domain.ratelimit.RateLimitRequest;
import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One of the separate JVMs of {@link CrossProcessAccuracyIT}: many threads hammer one key through the production
 * path (pipelined batches, the script, Redis TIME) and record every decision with the Redis time it was taken at.
 *
 * <p>Arguments: Redis URL, key prefix, bucket key, capacity, tokens per second, run seconds, threads, output file.
 * It warms up on another key, prints {@code READY}, waits for a line on standard input, then runs each thread until
 * Redis time has passed the run length since this JVM's first decision. The output file holds one long per decision:
 * the decision's Redis time in microseconds, times two, plus one when it was refused.
 */
public final class AccuracyWorker {

    /**
     * A decision that times out may still have been taken, and the count would be wrong; so the budget is long, for a
     * machine that may be shared with heavy builds. The test measures counts, not speed.
     */
    static final Duration TIMEOUT = Duration.ofSeconds(30);

    private AccuracyWorker() {
    }

    public static void main(String[] args) throws Exception {
        URI redisUrl = URI.create(args[0]);
        String prefix = args[1];
        BucketKey key = new BucketKey(args[2]);
        Limit limit = Limit.perSecond("accuracy", Long.parseLong(args[3]), args[4]);
        long runMicros = TimeUnit.SECONDS.toMicros(Long.parseLong(args[5]));
        int threads = Integer.parseInt(args[6]);
        Path output = Path.of(args[7]);

        Duration timeout = TIMEOUT;
        try (RedissonLimiterHandle handle = (RedissonLimiterHandle) RedisRateLimiters.standalone(redisUrl, timeout, prefix, RateLimitEvents.IGNORED)) {
            DecisionScript script = new DecisionScript(prefix);
            PipelinedDecisions decisions = handle.decisions();
            RateLimitRequest warmUp = RateLimitRequest.of(new BucketKey(args[2] + ":warm-up"), limit);
            for (int i = 0; i < 2_000; i++) {
                decisions.call(script.key(warmUp), DecisionScript.arguments(warmUp)).get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            }
            System.out.println("READY");
            System.out.flush();
            new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();

            RateLimitRequest request = RateLimitRequest.of(key, limit);
            AtomicLong firstDecision = new AtomicLong(Long.MAX_VALUE);
            List<long[]> records = new ArrayList<>();
            List<Thread> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                long[][] mine = {new long[1024]};
                int[] count = {0};
                Thread worker = new Thread(() -> {
                    try {
                        while (true) {
                            List<Object> reply = decisions.call(script.key(request), DecisionScript.arguments(request)).get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                            long at = DecisionScript.decidedAtMicros(reply);
                            boolean allowed = DecisionScript.decision(request, reply).allowed();
                            firstDecision.accumulateAndGet(at, Math::min);
                            if (count[0] == mine[0].length) {
                                mine[0] = Arrays.copyOf(mine[0], 2 * count[0]);
                            }
                            mine[0][count[0]++] = 2 * at + (allowed ? 0 : 1);
                            if (at >= firstDecision.get() + runMicros) {
                                break;
                            }
                        }
                    } catch (Exception e) {
                        throw new IllegalStateException("a decision failed: the count would be wrong", e);
                    }
                    synchronized (records) {
                        records.add(Arrays.copyOf(mine[0], count[0]));
                    }
                }, "accuracy-" + t);
                workers.add(worker);
                worker.start();
            }
            for (Thread worker : workers) {
                worker.join();
            }
            if (records.size() != threads) {
                System.exit(2);
            }
            write(output, records);
        }
        System.exit(0);
    }

    private static void write(Path output, List<long[]> records) throws IOException {
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(output)))) {
            for (long[] thread : records) {
                for (long record : thread) {
                    out.writeLong(record);
                }
            }
        }
    }
}
