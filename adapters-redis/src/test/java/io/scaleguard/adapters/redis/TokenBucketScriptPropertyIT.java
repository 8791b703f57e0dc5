package io.scaleguard.adapters.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.scaleguard.application.port.out.RateLimitEvents;
import io.scaleguard.domain.RandomCases;
import io.scaleguard.domain.ratelimit.BucketKey;
import io.scaleguard.domain.ratelimit.BucketState;
import io.scaleguard.domain.ratelimit.Decision;
import io.scaleguard.domain.ratelimit.Limit;
import io.scaleguard.domain.ratelimit.RateLimitRequest;
import io.scaleguard.domain.ratelimit.TokenBucket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Holds the Lua script to the Java model: the same random request sequences (several limits, costs above one,
 * time gaps forwards and backwards, the set of limits changing) give the same decisions, the same stored state,
 * and a time to live that covers the refill. The script decides at the times given here instead of Redis TIME,
 * through the test-only argument (under which keys also live a minute longer, since this clock does not move with
 * Redis's); everything else is the production path. A failing seed is rerun alone with
 * {@code -Dscaleguard.seed=<seed> -Dscaleguard.cases=1}.
 */
class TokenBucketScriptPropertyIT {

    private static final String PREFIX = TestRedis.uniqueKeyPrefix();
    private static final int STEPS = 40;
    /** 2026-01-01T00:00:00Z in microseconds: realistic magnitudes, as Redis TIME gives. */
    private static final long START_MICROS = 1_767_225_600_000_000L;

    private static RedissonLimiterHandle handle;
    private static PipelinedDecisions decisions;
    private static DecisionScript script;
    private static RedisInspector inspector;

    @BeforeAll
    static void connect() {
        handle = (RedissonLimiterHandle) RedisRateLimiters.standalone(TestRedis.url(), Duration.ofSeconds(2), PREFIX, RateLimitEvents.IGNORED);
        script = new DecisionScript(PREFIX);
        decisions = handle.decisions();
        inspector = RedisInspector.of(TestRedis.url());
    }

    /**
     * Deletes the keys the cases wrote to the shared Redis: their limits may take years to refill, and so their keys
     * to expire. Every key lies under this run's prefix; a DEL per thousand of them.
     */
    @AfterAll
    static void disconnect() {
        try (Stream<String> keys = inspector.redisson().getKeys().getKeysStreamByPattern(PREFIX + "*", 1_000)) {
            List<String> all = keys.toList();
            for (int from = 0; from < all.size(); from += 1_000) {
                inspector.redisson().getKeys().delete(all.subList(from, Math.min(all.size(), from + 1_000)).toArray(String[]::new));
            }
        } finally {
            handle.close();
            inspector.close();
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("io.scaleguard.domain.RandomCases#seeds")
    void theScriptDecidesExactlyAsTheModel(long seed) throws Exception {
        SplittableRandom random = new SplittableRandom(seed);
        BucketKey key = new BucketKey("property:" + seed);
        List<Limit> limits = randomLimits(random);
        BucketState model = null;
        long now = START_MICROS + RandomCases.between(random, 0, 1_000_000_000L);
        for (int step = 0; step < STEPS; step++) {
            now = Math.max(0, now + gap(random, limits));
            if (random.nextInt(20) == 0) {
                limits = randomLimits(random);
            }
            long cost = RandomCases.between(random, 1, limits.stream().mapToLong(Limit::capacity).min().orElseThrow());
            RateLimitRequest request = new RateLimitRequest(key, limits, cost);

            TokenBucket.Outcome expected = TokenBucket.decide(model, request, now);
            List<Object> reply = decisions.callAt(script.key(request), DecisionScript.arguments(request), now).get(5, TimeUnit.SECONDS);
            Decision actual = DecisionScript.decision(request, reply);

            String context = "seed " + seed + ", step " + step + ", " + request + " at " + now + " on " + model;
            assertThat(actual).as(context).isEqualTo(expected.decision());
            if (expected.stateToStore() != null) {
                model = expected.stateToStore();
                assertThat(DecisionScript.decidedAtMicros(reply)).as(context).isEqualTo(model.updatedAtMicros());
                assertThat(stored(script.key(request))).as(context).isEqualTo(model);
                // the key lives at least until every bucket is full again (and, under a test's clock, a minute longer)
                assertThat(inspector.pttl(script.key(request))).as(context)
                        .isGreaterThanOrEqualTo(expected.timeToLive().toMillis());
            }
        }
    }

    /** Seeds for the batch test: fewer, since each case decides 64 keys over 30 rounds. */
    static Stream<Long> batchSeeds() {
        return RandomCases.seeds().limit(20);
    }

    /**
     * Many keys decided at once: each round sends one decision per key without waiting, so they travel in shared
     * batches and shared script calls (one clock per round), and each must still match its own model.
     */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("batchSeeds")
    void everyKeyOfABatchIsDecidedAsTheModelDecidesIt(long seed) throws Exception {
        SplittableRandom random = new SplittableRandom(seed);
        int keys = 64;
        List<List<Limit>> limits = new ArrayList<>();
        List<BucketState> models = new ArrayList<>();
        for (int k = 0; k < keys; k++) {
            limits.add(randomLimits(random));
            models.add(null);
        }
        long now = START_MICROS + RandomCases.between(random, 0, 1_000_000_000L);
        for (int round = 0; round < 30; round++) {
            now = Math.max(0, now + gap(random, limits.get(0)));
            List<RateLimitRequest> requests = new ArrayList<>();
            List<CompletableFuture<List<Object>>> replies = new ArrayList<>();
            for (int k = 0; k < keys; k++) {
                long cost = RandomCases.between(random, 1, limits.get(k).stream().mapToLong(Limit::capacity).min().orElseThrow());
                RateLimitRequest request = new RateLimitRequest(new BucketKey("batch:" + seed + ":" + k), limits.get(k), cost);
                requests.add(request);
                replies.add(decisions.callAt(script.key(request), DecisionScript.arguments(request), now));
            }
            for (int k = 0; k < keys; k++) {
                TokenBucket.Outcome expected = TokenBucket.decide(models.get(k), requests.get(k), now);
                Decision actual = DecisionScript.decision(requests.get(k), replies.get(k).get(5, TimeUnit.SECONDS));
                assertThat(actual).as("seed %d, round %d, key %d", seed, round, k).isEqualTo(expected.decision());
                if (expected.stateToStore() != null) {
                    models.set(k, expected.stateToStore());
                }
            }
        }
    }

    private static BucketState stored(String redisKey) {
        long[] numbers = RedisInspector.unpack(inspector.raw(redisKey));
        long[] levels = new long[numbers.length - 1];
        System.arraycopy(numbers, 1, levels, 0, levels.length);
        return new BucketState(numbers[0], levels);
    }

    /**
     * One to three limits with random capacities and rates, including rates that are not whole units per microsecond;
     * one in four at the edge of exactness.
     */
    private static List<Limit> randomLimits(SplittableRandom random) {
        int count = (int) RandomCases.between(random, 1, 3);
        List<Limit> limits = new ArrayList<>();
        while (limits.size() < count) {
            if (random.nextInt(4) == 0) {
                limits.add(edgeOfExactness(random, "limit" + limits.size()));
                continue;
            }
            long capacity = RandomCases.between(random, 1, random.nextBoolean() ? 20 : 5_000);
            long refillTokens = RandomCases.between(random, 1, random.nextBoolean() ? 10 : 100_000);
            long periodMicros = switch (random.nextInt(4)) {
                case 0 -> RandomCases.between(random, 1, 1_000);
                case 1 -> RandomCases.between(random, 1_000, 1_000_000);
                case 2 -> 1_000_000L * RandomCases.between(random, 1, 3_600);
                default -> RandomCases.between(random, 1, 86_400_000_000L);
            };
            try {
                limits.add(new Limit("limit" + limits.size(), capacity, refillTokens, Duration.ofNanos(periodMicros * 1_000)));
            } catch (IllegalArgumentException tooLargeToComputeExactly) {
                // draw again: the model refuses such a limit, so no adapter ever sees it
            }
        }
        return limits;
    }

    /**
     * A limit whose bucket holds nearly {@link Limit#MAX_UNITS} units (capacity x units per token within 1,000 tokens
     * of it) and gains up to 2^62 units per microsecond: the largest sum the script forms, a level plus a refill, nears
     * or passes 2^53, where a double stops counting every integer, and a costly request takes nearly all of it.
     */
    private static Limit edgeOfExactness(SplittableRandom random, String name) {
        long periodMicros = RandomCases.between(random, 1, 1L << RandomCases.between(random, 0, 36));
        long refillTokens = RandomCases.between(random, 1, 1L << RandomCases.between(random, 20, 62));
        long unitsPerToken = new Limit(name, 1, refillTokens, Duration.ofNanos(periodMicros * 1_000)).unitsPerToken();
        long mostTokens = Limit.MAX_UNITS / unitsPerToken;
        long capacity = RandomCases.between(random, Math.max(1, mostTokens - 1_000), mostTokens);
        return new Limit(name, capacity, refillTokens, Duration.ofNanos(periodMicros * 1_000));
    }

    /** Mostly forwards by up to the time one token takes, sometimes not at all, far ahead, or backwards. */
    private static long gap(SplittableRandom random, List<Limit> limits) {
        long tokenMicros = Math.max(1, limits.get(0).refillPeriod().toNanos() / 1_000 / limits.get(0).refillTokens());
        return switch (random.nextInt(10)) {
            case 0, 1 -> 0;
            case 2 -> -RandomCases.between(random, 1, 5_000_000);
            case 3 -> RandomCases.between(random, 0, 100 * tokenMicros);
            default -> RandomCases.between(random, 0, 2 * tokenMicros);
        };
    }
}
