package io.scaleguard.adapters.redis;

import io.scaleguard.application.port.out.RateLimitEvents;
import io.scaleguard.domain.ratelimit.Decision;
import io.scaleguard.domain.ratelimit.RateLimitRequest;
import io.scaleguard.domain.ratelimit.RateLimiter;
import io.scaleguard.domain.ratelimit.RateLimiterUnavailable;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The {@link RateLimiter} whose buckets live in Redis: one script call per decision, pipelined with the concurrent ones.
 *
 * <p>A decision waits at most the time budget, from the moment it is asked for, queueing included; then it throws
 * {@link RateLimiterUnavailable} and the application applies its failure mode. No Redisson type leaves this class:
 * a driver failure becomes the port's exception, with the driver's message but not its type.
 */
final class RedisRateLimiter implements RateLimiter {

    private final PipelinedDecisions decisions;
    private final DecisionScript script;
    private final Duration timeout;
    private final RateLimitEvents events;

    RedisRateLimiter(PipelinedDecisions decisions, DecisionScript script, Duration timeout, RateLimitEvents events) {
        this.decisions = decisions;
        this.script = script;
        this.timeout = timeout;
        this.events = events;
    }

    @Override
    public Decision tryAcquire(RateLimitRequest request) {
        long start = System.nanoTime();
        CompletableFuture<List<Object>> reply = decisions.call(script.key(request), DecisionScript.arguments(request));
        try {
            Decision decision = DecisionScript.decision(request, reply.get(timeout.toNanos(), TimeUnit.NANOSECONDS));
            events.backendCall(Duration.ofNanos(System.nanoTime() - start), false);
            return decision;
        } catch (TimeoutException e) {
            throw unavailable(reply, start, "Redis did not answer within " + timeout.toMillis() + " ms");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw unavailable(reply, start, "Redis failed the decision: " + cause.getClass().getSimpleName() + ": " + cause.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable(reply, start, "interrupted while waiting for Redis");
        } catch (RuntimeException e) {
            // a reply that is not the script's (another script under the same SHA, a key of another type)
            throw unavailable(reply, start, "Redis gave an unusable answer: " + e.getMessage());
        }
    }

    private RateLimiterUnavailable unavailable(CompletableFuture<?> reply, long start, String message) {
        // a call still queued is dropped; one already sent may still take its tokens, which can only under-admit
        reply.cancel(false);
        events.backendCall(Duration.ofNanos(System.nanoTime() - start), true);
        return new RateLimiterUnavailable(message, null);
    }
}
