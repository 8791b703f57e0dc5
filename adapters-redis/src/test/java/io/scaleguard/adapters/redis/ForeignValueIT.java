package io.scaleguard.adapters.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.scaleguard.application.port.out.RateLimitEvents;
import io.scaleguard.domain.ratelimit.BucketKey;
import io.scaleguard.domain.ratelimit.Decision;
import io.scaleguard.domain.ratelimit.Limit;
import io.scaleguard.domain.ratelimit.RateLimitRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redisson.api.RType;
import org.redisson.client.protocol.RedisCommands;
import org.redisson.client.protocol.RedisStrictCommand;

/**
 * A subject's key that holds something else (a hash some other tool wrote under the prefix) is a key without state,
 * as a value of another length is: its decision is answered and overwrites it, and the decisions that share its
 * script call are answered too, instead of all failing with {@code WRONGTYPE}. Runs on a private redis-server: holding
 * a batch together takes {@code CLIENT PAUSE}, which no test may do to the shared one.
 */
class ForeignValueIT {

    /** Generous: the test checks answers, not speed. */
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final Limit LIMIT = new Limit("burst", 5, 5, Duration.ofHours(1));
    private static final String PREFIX = "sg:";
    private static final RedisStrictCommand<String> PAUSE = new RedisStrictCommand<>("CLIENT", "PAUSE");
    private static final RedisStrictCommand<String> UNPAUSE = new RedisStrictCommand<>("CLIENT", "UNPAUSE");

    private final DecisionScript script = new DecisionScript(PREFIX);
    private PrivateRedis redis;
    private RawRedis raw;
    private RedissonLimiterHandle handle;

    @BeforeEach
    void start() {
        redis = TestRedis.startPrivate();
        raw = new RawRedis(redis.port());
        handle = (RedissonLimiterHandle) RedisRateLimiters.standalone(redis.url(), TIMEOUT, PREFIX, RateLimitEvents.IGNORED);
    }

    @AfterEach
    void stop() {
        handle.close();
        raw.close();
        redis.close();
    }

    @Test
    void aKeyOfAnotherTypeCountsAsFullBucketsAndFailsNoDecisionOfItsScriptCall() throws Exception {
        // one batch on the wire at a time, so that what queues behind it leaves together, as under load
        PipelinedDecisions decisions = new PipelinedDecisions(handle.connector(), script, false, TIMEOUT, 1);
        RateLimitRequest first = request("first");
        assertThat(decide(first, decisions).allowed()).as("connected, script loaded").isTrue();
        RateLimitRequest foreign = request("foreign");
        raw.sync(RedisCommands.HSET, script.key(foreign), "field", "value");
        List<RateLimitRequest> batch = List.of(request("before"), foreign, request("after"));
        long scriptCalls = evalShaCalls();

        // Paused writes hold the first call (a script call may write) on the wire, the one batch in flight; the
        // other three queue behind it and, once it is answered, leave together in one script call.
        raw.sync(PAUSE, "60000", "WRITE");
        CompletableFuture<List<Object>> held = decisions.call(script.key(first), DecisionScript.arguments(first));
        List<CompletableFuture<List<Object>>> replies = new ArrayList<>();
        batch.forEach(request -> replies.add(decisions.call(script.key(request), DecisionScript.arguments(request))));
        raw.sync(UNPAUSE);

        assertThat(decision(first, held).allowed()).isTrue();
        for (int i = 0; i < batch.size(); i++) {
            Decision decision = decision(batch.get(i), replies.get(i));
            assertThat(decision.allowed()).as(batch.get(i).key().value()).isTrue();
            assertThat(decision.remaining()).as(batch.get(i).key().value()).isEqualTo(LIMIT.capacity() - 1);
        }
        assertThat(evalShaCalls()).as("the held call, then one for the three").isEqualTo(scriptCalls + 2);
        assertThat(raw.sync(RedisCommands.TYPE, script.key(foreign))).isEqualTo(RType.OBJECT);
        try (RedisInspector inspector = RedisInspector.of(redis.url())) {
            long[] stored = RedisInspector.unpack(inspector.raw(script.key(foreign)));
            assertThat(stored).hasSize(2);
            assertThat(stored[1]).isEqualTo(LIMIT.capacityUnits() - LIMIT.unitsPerToken());
        }
    }

    private static RateLimitRequest request(String subject) {
        return RateLimitRequest.of(new BucketKey("foreign-value:" + subject), LIMIT);
    }

    private Decision decide(RateLimitRequest request, PipelinedDecisions decisions) throws Exception {
        return decision(request, decisions.call(script.key(request), DecisionScript.arguments(request)));
    }

    private static Decision decision(RateLimitRequest request, CompletableFuture<List<Object>> reply) throws Exception {
        return DecisionScript.decision(request, reply.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS));
    }

    /** Script calls Redis has run: {@code calls=} of {@code cmdstat_evalsha} in {@code INFO commandstats}. */
    private long evalShaCalls() {
        Map<String, String> stats = raw.sync(RedisCommands.INFO_COMMANDSTATS);
        String evalSha = stats.getOrDefault("cmdstat_evalsha", "calls=0,");
        return Long.parseLong(evalSha.substring("calls=".length(), evalSha.indexOf(',')));
    }
}
