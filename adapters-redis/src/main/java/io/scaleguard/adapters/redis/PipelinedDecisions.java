package io.scaleguard.adapters.redis;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.redisson.api.BatchOptions;
import org.redisson.api.RBatch;
import org.redisson.api.RScript;
import org.redisson.api.RScriptAsync;
import org.redisson.api.RedissonClient;
import org.redisson.client.RedisNoScriptException;
import org.redisson.client.codec.StringCodec;
import org.redisson.connection.CRC16;

/**
 * Sends concurrent decisions to Redis together: few round trips, few script calls.
 *
 * <p>A synchronous Redisson call per decision keeps a connection idle for a whole round trip per caller, so Redis
 * sits mostly unused. Here a decision goes out at once when fewer than {@code maxInFlight} batches are on the wire (no
 * added latency when idle); otherwise it waits in a queue, and whatever queued while a batch was in flight leaves as
 * the next batch: script calls that each decide up to {@value #DECISIONS_PER_SCRIPT_CALL} keys of one cluster slot in
 * order, sent as one command when they fit in one call, else as one {@link RBatch} (one pipelined write, split per
 * node by Redisson on a cluster). Under load the batches grow by themselves, and both the round trip and the script
 * call are shared.
 *
 * <p>{@code NOSCRIPT} (Redis restarted or failed over and lost its script cache) reloads the script on every node
 * and retries each affected decision once.
 */
final class PipelinedDecisions {

    /** Decisions taken from the queue for one batch: a full queue of callers, in a burst Redis works off quickly. */
    private static final int MAX_BATCH = 512;
    /** Decisions per script call: Redis runs one call without interruption, so keep each call short (well under 1 ms). */
    static final int DECISIONS_PER_SCRIPT_CALL = 64;
    private static final int SLOTS = 16384;

    /** One decision: its key, its arguments, where its reply goes, and the test-only time to decide at ({@code null}: Redis TIME). */
    private record Call(String key, Object[] arguments, Long testMicros, CompletableFuture<List<Object>> reply, boolean retried) {

        Call retry() {
            return new Call(key, arguments, testMicros, reply, true);
        }
    }

    /** Decisions that may share one script call: the same slot (on a cluster) and the same clock. */
    private record Group(int slot, Long testMicros) {
    }

    private final RedissonConnector connector;
    private final DecisionScript script;
    private final boolean cluster;
    private final BatchOptions options;
    private final Duration timeout;
    private final int maxInFlight;
    private final Queue<Call> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger inFlight = new AtomicInteger();

    PipelinedDecisions(RedissonConnector connector, DecisionScript script, boolean cluster, Duration timeout, int maxInFlight) {
        this.connector = connector;
        this.script = script;
        this.cluster = cluster;
        this.timeout = timeout;
        this.maxInFlight = maxInFlight;
        this.options = BatchOptions.defaults()
                .executionMode(BatchOptions.ExecutionMode.IN_MEMORY)
                .responseTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .retryAttempts(0);
    }

    /**
     * Queues one decision at Redis TIME and sends it as soon as a batch slot is free. The reply is the decision's six
     * integers, or fails with the driver's exception; the caller translates it. A caller that gives up may cancel the
     * reply: a decision not yet sent is then dropped.
     */
    CompletableFuture<List<Object>> call(String key, Object[] arguments) {
        return enqueue(new Call(key, arguments, null, new CompletableFuture<>(), false));
    }

    /** The same at a time the caller chooses instead of Redis TIME: for the tests that compare with the Java model. */
    CompletableFuture<List<Object>> callAt(String key, Object[] arguments, long testMicros) {
        return enqueue(new Call(key, arguments, testMicros, new CompletableFuture<>(), false));
    }

    /** Loads the script into every node: after connecting, so that the first calls need no {@code NOSCRIPT} round trip, and after one. */
    CompletableFuture<String> loadScript() {
        try {
            return connector.client().orElseThrow(PipelinedDecisions::notConnected)
                    .getScript(StringCodec.INSTANCE).scriptLoadAsync(script.source()).toCompletableFuture();
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private CompletableFuture<List<Object>> enqueue(Call call) {
        queue.add(call);
        drain();
        return call.reply();
    }

    private void drain() {
        // Both sides re-check after changing state (a caller after queueing, a batch after releasing its slot),
        // so no queued call is left behind while a slot is free.
        while (!queue.isEmpty()) {
            int current = inFlight.get();
            if (current >= maxInFlight) {
                return;
            }
            if (!inFlight.compareAndSet(current, current + 1)) {
                continue;
            }
            List<List<Call>> scriptCalls = takeBatch();
            if (scriptCalls.isEmpty()) {
                inFlight.decrementAndGet();
            } else {
                send(scriptCalls);
            }
        }
    }

    /** Takes up to {@value #MAX_BATCH} decisions off the queue, grouped into script calls in queue order. */
    private List<List<Call>> takeBatch() {
        Map<Group, List<Call>> open = new LinkedHashMap<>();
        List<List<Call>> scriptCalls = new ArrayList<>();
        Call call;
        int taken = 0;
        while (taken < MAX_BATCH && (call = queue.poll()) != null) {
            if (call.reply().isDone()) {
                continue;
            }
            taken++;
            List<Call> group = open.computeIfAbsent(new Group(slot(call.key()), call.testMicros()), g -> new ArrayList<>());
            if (group.isEmpty()) {
                scriptCalls.add(group);
            }
            group.add(call);
            if (group.size() == DECISIONS_PER_SCRIPT_CALL) {
                open.remove(new Group(slot(call.key()), call.testMicros()));
            }
        }
        return scriptCalls;
    }

    /** The key's cluster slot, from its hash tag; a standalone Redis takes any keys in one script call. */
    private int slot(String key) {
        if (!cluster) {
            return 0;
        }
        String tag = key.substring(key.indexOf('{') + 1, key.indexOf('}'));
        return CRC16.crc16(tag.getBytes(StandardCharsets.UTF_8)) % SLOTS;
    }

    private void send(List<List<Call>> scriptCalls) {
        List<CompletableFuture<List<Object>>> replies = new ArrayList<>(scriptCalls.size());
        CompletableFuture<?> sent;
        try {
            RedissonClient redisson = connector.client().orElseThrow(PipelinedDecisions::notConnected);
            if (scriptCalls.size() == 1) {
                // one script call needs no batch around it, and a plain command costs Redisson far less than an RBatch
                CompletableFuture<List<Object>> reply = evalSha(redisson.getScript(StringCodec.INSTANCE), scriptCalls.get(0));
                replies.add(reply);
                sent = reply;
            } else {
                RBatch batch = redisson.createBatch(options);
                RScriptAsync scripts = batch.getScript(StringCodec.INSTANCE);
                scriptCalls.forEach(calls -> replies.add(evalSha(scripts, calls)));
                sent = batch.executeAsync().toCompletableFuture();
            }
            // Redisson bounds each command by its response timeout; this guard frees the slot even if it never answers.
            sent = sent.orTimeout(2 * timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (RuntimeException e) {
            sent = CompletableFuture.failedFuture(e);
        }
        sent.whenComplete((ignored, batchFailure) -> settle(scriptCalls, replies, batchFailure));
    }

    /** One script call deciding {@code calls} in order: their keys, the clock, then each decision's arguments. */
    private CompletableFuture<List<Object>> evalSha(RScriptAsync scripts, List<Call> calls) {
        List<Object> keys = new ArrayList<>(calls.size());
        List<Object> arguments = new ArrayList<>(1 + 5 * calls.size());
        arguments.add(DecisionScript.clockArgument(calls.get(0).testMicros()));
        for (Call call : calls) {
            keys.add(call.key());
            arguments.addAll(List.of(call.arguments()));
        }
        return scripts.<List<Object>>evalShaAsync(calls.get(0).key(), RScript.Mode.READ_WRITE, script.sha(),
                RScript.ReturnType.LIST, keys, arguments.toArray()).toCompletableFuture();
    }

    private void settle(List<List<Call>> scriptCalls, List<CompletableFuture<List<Object>>> replies, Throwable batchFailure) {
        List<Call> noScript = new ArrayList<>();
        for (int i = 0; i < scriptCalls.size(); i++) {
            List<Call> calls = scriptCalls.get(i);
            CompletableFuture<List<Object>> reply = i < replies.size() ? replies.get(i) : null;
            if (reply != null && reply.isDone() && !reply.isCompletedExceptionally()) {
                List<Object> all = reply.join();
                for (int c = 0; c < calls.size(); c++) {
                    calls.get(c).reply().complete(slice(all, c));
                }
                continue;
            }
            Throwable failure = reply != null && reply.isCompletedExceptionally() ? causeOf(reply) : unwrap(batchFailure);
            for (Call call : calls) {
                if (failure instanceof RedisNoScriptException && !call.retried()) {
                    noScript.add(call.retry());
                } else {
                    call.reply().completeExceptionally(Objects.requireNonNullElseGet(failure, () -> new IllegalStateException("no reply")));
                }
            }
        }
        inFlight.decrementAndGet();
        if (!noScript.isEmpty()) {
            reloadAndRetry(noScript);
        }
        drain();
    }

    /** One decision's six integers; an answer of another shape is passed on whole, for the caller to reject. */
    private static List<Object> slice(List<Object> all, int index) {
        int from = index * DecisionScript.REPLY_SIZE;
        return all != null && all.size() >= from + DecisionScript.REPLY_SIZE ? all.subList(from, from + DecisionScript.REPLY_SIZE) : all;
    }

    private void reloadAndRetry(List<Call> calls) {
        loadScript().orTimeout(timeout.toNanos(), TimeUnit.NANOSECONDS).whenComplete((sha, failure) -> {
            for (Call call : calls) {
                if (failure != null) {
                    call.reply().completeExceptionally(unwrap(failure));
                } else {
                    queue.add(call);
                }
            }
            drain();
        });
    }

    private static IllegalStateException notConnected() {
        return new IllegalStateException("Redis has not answered since start-up");
    }

    private static Throwable causeOf(CompletableFuture<?> failed) {
        try {
            failed.join();
            throw new IllegalStateException("expected a failed future");
        } catch (RuntimeException e) {
            return unwrap(e);
        }
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable t = failure;
        if (t == null) {
            return null;
        }
        while ((t instanceof java.util.concurrent.CompletionException || t instanceof java.util.concurrent.ExecutionException)
                && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }
}
