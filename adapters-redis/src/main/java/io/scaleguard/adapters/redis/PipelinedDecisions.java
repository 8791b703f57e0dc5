package io.scaleguard.adapters.redis;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.redisson.api.BatchOptions;
import org.redisson.api.RBatch;
import org.redisson.api.RFuture;
import org.redisson.api.RScript;
import org.redisson.api.RScriptAsync;
import org.redisson.client.RedisNoScriptException;
import org.redisson.client.codec.StringCodec;

/**
 * Sends concurrent calls of the decision script to Redis as pipelined batches.
 *
 * <p>A synchronous Redisson call per decision keeps one connection idle for a whole round trip per caller, so Redis
 * sits mostly unused. Here a call goes out at once when fewer than {@code maxInFlight} batches are on the wire (no
 * added latency when idle); otherwise it waits in a queue, and whatever queued while a batch was in flight leaves as
 * the next batch, one {@link RBatch} of {@code EVALSHA}s written in one go (Redisson splits it per node on a
 * cluster). Under load the batches grow by themselves and the round trips are shared.
 *
 * <p>{@code NOSCRIPT} (Redis restarted or failed over and lost its script cache) reloads the script on every node
 * and retries each affected call once.
 */
final class PipelinedDecisions {

    /** Large enough to carry a full queue of callers, small enough that one batch stays a short burst of work for Redis. */
    private static final int MAX_BATCH = 512;

    /** One script call: its key, its arguments, and where its reply goes. */
    private record Call(String key, Object[] arguments, CompletableFuture<List<Object>> reply, boolean retried) {
    }

    private final RedissonConnector connector;
    private final DecisionScript script;
    private final BatchOptions options;
    private final Duration timeout;
    private final int maxInFlight;
    private final Queue<Call> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger inFlight = new AtomicInteger();

    PipelinedDecisions(RedissonConnector connector, DecisionScript script, Duration timeout, int maxInFlight) {
        this.connector = connector;
        this.script = script;
        this.timeout = timeout;
        this.maxInFlight = maxInFlight;
        this.options = BatchOptions.defaults()
                .executionMode(BatchOptions.ExecutionMode.IN_MEMORY)
                .responseTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .retryAttempts(0);
    }

    /**
     * Queues one call of the script and sends it as soon as a batch slot is free. The reply fails with the driver's
     * exception; the caller translates it. A caller that gives up may cancel the reply: a call not yet sent is dropped.
     */
    CompletableFuture<List<Object>> call(String key, Object[] arguments) {
        Call call = new Call(key, arguments, new CompletableFuture<>(), false);
        queue.add(call);
        drain();
        return call.reply();
    }

    /** Loads the script into every node: at start-up, so that the first calls need no {@code NOSCRIPT} round trip, and after one. */
    CompletableFuture<String> loadScript() {
        try {
            return connector.client().orElseThrow(PipelinedDecisions::notConnected)
                    .getScript(StringCodec.INSTANCE).scriptLoadAsync(script.source()).toCompletableFuture();
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
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
            List<Call> batch = takeBatch();
            if (batch.isEmpty()) {
                inFlight.decrementAndGet();
            } else {
                send(batch);
            }
        }
    }

    private List<Call> takeBatch() {
        List<Call> batch = new ArrayList<>();
        Call call;
        while (batch.size() < MAX_BATCH && (call = queue.poll()) != null) {
            if (!call.reply().isDone()) {
                batch.add(call);
            }
        }
        return batch;
    }

    private void send(List<Call> batch) {
        List<CompletableFuture<List<Object>>> replies = new ArrayList<>(batch.size());
        CompletableFuture<?> sent;
        try {
            RBatch redisBatch = connector.client().orElseThrow(PipelinedDecisions::notConnected).createBatch(options);
            RScriptAsync scripts = redisBatch.getScript(StringCodec.INSTANCE);
            for (Call call : batch) {
                RFuture<List<Object>> reply = scripts.evalShaAsync(call.key(), RScript.Mode.READ_WRITE, script.sha(),
                        RScript.ReturnType.LIST, List.of(call.key()), call.arguments());
                replies.add(reply.toCompletableFuture());
            }
            // Redisson bounds the batch by its response timeout; this guard frees the slot even if it never answers.
            sent = redisBatch.executeAsync().toCompletableFuture().orTimeout(2 * timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (RuntimeException e) {
            sent = CompletableFuture.failedFuture(e);
        }
        sent.whenComplete((ignored, batchFailure) -> settle(batch, replies, batchFailure));
    }

    private void settle(List<Call> batch, List<CompletableFuture<List<Object>>> replies, Throwable batchFailure) {
        List<Call> noScript = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            Call call = batch.get(i);
            CompletableFuture<List<Object>> reply = i < replies.size() ? replies.get(i) : null;
            if (reply != null && reply.isDone() && !reply.isCompletedExceptionally()) {
                call.reply().complete(reply.join());
                continue;
            }
            Throwable failure = reply != null && reply.isCompletedExceptionally() ? causeOf(reply) : batchFailure;
            if (unwrap(failure) instanceof RedisNoScriptException && !call.retried()) {
                noScript.add(call);
            } else {
                call.reply().completeExceptionally(failure == null ? new IllegalStateException("no reply") : unwrap(failure));
            }
        }
        inFlight.decrementAndGet();
        if (!noScript.isEmpty()) {
            reloadAndRetry(noScript);
        }
        drain();
    }

    private void reloadAndRetry(List<Call> calls) {
        loadScript().orTimeout(timeout.toNanos(), TimeUnit.NANOSECONDS).whenComplete((sha, failure) -> {
            for (Call call : calls) {
                if (failure != null) {
                    call.reply().completeExceptionally(unwrap(failure));
                } else {
                    queue.add(new Call(call.key(), call.arguments(), call.reply(), true));
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
        while ((t instanceof java.util.concurrent.CompletionException || t instanceof java.util.concurrent.ExecutionException)
                && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }
}
