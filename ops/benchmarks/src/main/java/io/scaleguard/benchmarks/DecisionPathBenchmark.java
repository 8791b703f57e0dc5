package io.scaleguard.benchmarks;

import io.scaleguard.benchmarks.Contender.BenchLimit;
import io.scaleguard.domain.ratelimit.Limit;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * BENCHMARKS.md items 1 and 3, side by side in one run on one Redis: decisions per second and p50/p99 latency of
 * ScaleGuard's Redis adapter (alone and behind the deny cache) beside Bucket4j on Lettuce, Bucket4j on Redisson and
 * Redisson's RRateLimiter, at 1, 16 and 64 threads, on one hot key (mostly refused) and on 100k keys (mostly allowed);
 * redis-benchmark calling the same script by SHA as the ceiling; and Redis bytes per key for each.
 *
 * <p>Settings (system properties): {@code bench.warmup} and {@code bench.seconds} per cell (default 3 and 5),
 * {@code bench.threads} (default {@code 1,16,64}), {@code bench.memoryKeys} (default 100000; 0 skips the memory table),
 * {@code bench.only} (run only the implementations whose name contains it, for profiling), {@code bench.scenarios}
 * (default {@code hot key,100k keys}). A benchmark, not a test:
 * it asserts nothing, it prints a table (see ops/PERFORMANCE.md).
 */
public final class DecisionPathBenchmark {

    private static final int KEYS = 100_000;
    /** The adapter's script, by its exact bytes: the SHA redis-benchmark calls is the one the adapter calls. */
    private static final String SCRIPT = "io/scaleguard/adapters/redis/token-bucket.lua";

    private record Cell(String scenario, int threads, String contender, boolean peer, LoadRun.Result result) {
    }

    private DecisionPathBenchmark() {
    }

    public static void main(String[] args) {
        try {
            run();
        } catch (Throwable t) {
            // exit at once: under exec:java a failure would otherwise wait forever on the clients' non-daemon threads
            t.printStackTrace();
            System.exit(1);
        }
        System.exit(0);
    }

    private static void run() throws Exception {
        Duration warmUp = Duration.ofSeconds(Long.getLong("bench.warmup", 3));
        Duration measure = Duration.ofSeconds(Long.getLong("bench.seconds", 5));
        int memoryKeys = Integer.getInteger("bench.memoryKeys", KEYS);
        List<Integer> threadCounts = List.of(System.getProperty("bench.threads", "1,16,64").split(",")).stream()
                .map(String::strip).map(Integer::valueOf).toList();
        List<String> scenarios = List.of(System.getProperty("bench.scenarios", "hot key,100k keys").split(",")).stream()
                .map(String::strip).toList();

        Map<String, Contender.Factory> contenders = new LinkedHashMap<>();
        contenders.put("ScaleGuard adapter", ScaleGuardContender::alone);
        contenders.put("ScaleGuard + deny cache", ScaleGuardContender::behindDenyCache);
        contenders.put("Bucket4j on Lettuce", Bucket4jLettuceContender::new);
        contenders.put("Bucket4j on Redisson", Bucket4jRedissonContender::new);
        contenders.put("Redisson RRateLimiter", RedissonRateLimiterContender::new);
        String only = System.getProperty("bench.only", "");
        contenders.keySet().removeIf(name -> !name.contains(only));

        try (BenchRedis redis = BenchRedis.startOrConnect()) {
            System.out.printf("# Decision path, %s, %d cores, Java %s, Redis %s (%s), warm-up %d s + %d s per cell%n%n",
                    Instant.now(), Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), redis.version(),
                    redis.ownServer() ? "started by the harness" : "named by " + BenchRedis.URL_VARIABLE, warmUp.toSeconds(),
                    measure.toSeconds());

            if (memoryKeys > 0) {
                printMemory(redis, contenders, memoryKeys);
            }

            List<Cell> cells = new ArrayList<>();
            AtomicInteger run = new AtomicInteger();
            for (String scenario : scenarios) {
                for (int threads : threadCounts) {
                    for (Map.Entry<String, Contender.Factory> entry : contenders.entrySet()) {
                        String namespace = "r" + run.incrementAndGet();
                        IntFunction<String> subjects = scenario.equals("hot key")
                                ? random -> namespace + ":hot"
                                : random -> namespace + ":" + Math.floorMod(random, KEYS);
                        try (Contender contender = entry.getValue().open(redis.url(), BenchLimit.DECISIONS)) {
                            double cpuBefore = redis.cpuSeconds();
                            LoadRun.Result result = LoadRun.run(contender, threads, warmUp, measure, subjects);
                            double redisCpu = (redis.cpuSeconds() - cpuBefore) / (warmUp.toNanos() + result.measured().toNanos()) * 1e9;
                            cells.add(new Cell(scenario, threads, contender.name(), contender.peer(), result));
                            System.out.printf("  measured %-9s %2d threads %-24s %,9.0f/s  p99 %,8d us  allowed %5.1f%%  errors %d"
                                            + "  client CPU %5.1f us/decision  Redis CPU %3.0f%%%n",
                                    scenario, threads, contender.name(), result.perSecond(),
                                    result.latencyNanos().getValueAtPercentile(99) / 1_000,
                                    100.0 * result.allowed() / Math.max(1, result.decisions()), result.errors(),
                                    result.clientCpuMicrosPerDecision(), 100 * redisCpu);
                        }
                    }
                }
            }
            System.out.println();
            printDecisions(cells);
            printRedisBenchmark(redis);
        }
    }

    private static void printDecisions(List<Cell> cells) {
        System.out.println("| scenario | threads | implementation | decisions/s | p50 | p99 | client CPU per decision | vs best peer (rate) | vs best peer's p99 |");
        System.out.println("| --- | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: |");
        for (Cell cell : cells) {
            Optional<Cell> bestPeer = cells.stream()
                    .filter(other -> other.peer() && other.scenario().equals(cell.scenario()) && other.threads() == cell.threads())
                    .max((a, b) -> Double.compare(a.result().perSecond(), b.result().perSecond()));
            String ratio = bestPeer.map(best -> String.format("%.2fx", cell.result().perSecond() / best.result().perSecond())).orElse("");
            String p99Ratio = bestPeer.map(best -> String.format("%.2fx", (double) p99(cell) / Math.max(1, p99(best)))).orElse("");
            System.out.printf("| %s | %d | %s | %,.0f | %s | %s | %.1f us | %s | %s |%n", cell.scenario(), cell.threads(), cell.contender(),
                    cell.result().perSecond(), micros(cell.result().latencyNanos().getValueAtPercentile(50)), micros(p99(cell)),
                    cell.result().clientCpuMicrosPerDecision(), ratio, p99Ratio);
        }
        System.out.println();
    }

    private static long p99(Cell cell) {
        return cell.result().latencyNanos().getValueAtPercentile(99);
    }

    private static String micros(long nanos) {
        return nanos >= 10_000_000 ? String.format("%.1f ms", nanos / 1e6) : String.format("%,d us", nanos / 1_000);
    }

    /** Redis bytes per subject: used_memory before and after each contender decides once for each of {@code keys} subjects. */
    private static void printMemory(BenchRedis redis, Map<String, Contender.Factory> contenders, int keys) throws InterruptedException {
        System.out.println("| implementation | Redis bytes per subject | Redis keys per subject | expires |");
        System.out.println("| --- | ---: | ---: | --- |");
        for (Map.Entry<String, Contender.Factory> entry : contenders.entrySet()) {
            if (entry.getKey().contains("deny cache")) {
                continue; // the same keys as the adapter alone
            }
            redis.flushIfOwn();
            try (Contender contender = entry.getValue().open(redis.url(), BenchLimit.MEMORY)) {
                contender.tryAcquire("warm:up");
                long keysBefore = redis.commands().dbsize();
                long before = redis.usedMemory();
                AtomicInteger next = new AtomicInteger();
                List<Thread> writers = new ArrayList<>();
                for (int t = 0; t < 16; t++) {
                    Thread writer = new Thread(() -> {
                        int i;
                        while ((i = next.getAndIncrement()) < keys) {
                            contender.tryAcquire(String.format("m:%06d", i));
                        }
                    });
                    writers.add(writer);
                    writer.start();
                }
                for (Thread writer : writers) {
                    writer.join();
                }
                long after = redis.usedMemory();
                long keysAdded = redis.commands().dbsize() - keysBefore;
                String sample = redis.commands().randomkey();
                long ttl = redis.commands().pttl(sample);
                System.out.printf("| %s | %d | %.1f | %s |%n", contender.name(), (after - before) / keys, (double) keysAdded / keys,
                        ttl > 0 ? "yes (" + ttl / 1_000 + " s left on " + sample + ")" : "no");
            }
        }
        redis.flushIfOwn();
        System.out.println();
    }

    private static void printRedisBenchmark(BenchRedis redis) throws Exception {
        Optional<Path> binary = RedisBenchmarkTool.binary();
        if (binary.isEmpty()) {
            System.out.println("redis-benchmark is not on PATH: its ceiling rows are left out.");
            return;
        }
        String sha = redis.commands().scriptLoad(new String(
                DecisionPathBenchmark.class.getClassLoader().getResourceAsStream(SCRIPT).readAllBytes(), StandardCharsets.UTF_8));
        Limit limit = new Limit("bench", BenchLimit.DECISIONS.capacity(), BenchLimit.DECISIONS.tokens(), BenchLimit.DECISIONS.period());
        List<String> limitArguments = List.of(String.valueOf(limit.capacityUnits()), String.valueOf(limit.unitsPerToken()),
                String.valueOf(limit.refillUnitsPerMicro()));
        System.out.println("| redis-benchmark, EVALSHA of ScaleGuard's script, 50 clients | pipeline | requests/s | p50 | p99 |");
        System.out.println("| --- | ---: | ---: | ---: | ---: |");
        for (String scenario : List.of("hot key", "100k keys")) {
            for (int pipeline : List.of(1, 16)) {
                boolean hot = scenario.equals("hot key");
                RedisBenchmarkTool.Result result = RedisBenchmarkTool.run(binary.get(), redis.port(), pipeline, 500_000, sha,
                        hot ? "sg:{rb:hot}" : "sg:{rb:__rand_int__}", hot ? 1 : KEYS, limitArguments);
                System.out.printf("| %s | %d | %,.0f | %.0f us | %.0f us |%n", scenario, pipeline, result.perSecond(),
                        result.p50Millis() * 1_000, result.p99Millis() * 1_000);
            }
        }
        System.out.println();
    }
}
