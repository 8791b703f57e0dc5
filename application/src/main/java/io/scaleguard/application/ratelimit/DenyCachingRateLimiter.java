package io.scaleguard.application.ratelimit;

import io.scaleguard.application.port.out.RateLimitEvents;
import io.scaleguard.domain.ratelimit.Decision;
import io.scaleguard.domain.ratelimit.Limit;
import io.scaleguard.domain.ratelimit.RateLimitRequest;
import io.scaleguard.domain.ratelimit.RateLimiter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Refuses locally what the shared store has just refused, until the moment it said to retry.
 *
 * <p>This cannot be wrong: a bucket that could not pay {@code cost} tokens cannot pay {@code cost} or more before its
 * retry-after, because nothing refills it faster than its rate. The moment is measured from before the shared call
 * was sent, so the local refusal ends no later than the store's own would. A hot abuser then costs no Redis traffic.
 * Entries are keyed by the bucket key and only apply to the same limits, so a plan change is never hidden. A refusal
 * made by a failure mode while the shared store is down proves nothing about the shared bucket and is not cached.
 */
public final class DenyCachingRateLimiter implements RateLimiter {

    /** Bounds memory under a flood of distinct refused keys; beyond it refusals are simply not cached. */
    static final int MAX_ENTRIES = 100_000;
    private static final long SWEEP_EVERY_MILLIS = 1_000;

    private record Denial(List<Limit> limits, long cost, Instant decidedAt, Instant until, Decision decision) {
    }

    private final AttributedRateLimiter delegate;
    private final Clock clock;
    private final RateLimitEvents events;
    private final ConcurrentHashMap<String, Denial> denials = new ConcurrentHashMap<>();
    private final AtomicLong nextSweepMillis = new AtomicLong();

    public DenyCachingRateLimiter(AttributedRateLimiter delegate, Clock clock, RateLimitEvents events) {
        this.delegate = delegate;
        this.clock = clock;
        this.events = events;
    }

    @Override
    public Decision tryAcquire(RateLimitRequest request) {
        Instant now = clock.instant();
        String key = request.key().value();
        Denial denial = denials.get(key);
        if (denial != null) {
            if (now.isBefore(denial.until()) && denial.limits().equals(request.limits()) && request.cost() >= denial.cost()) {
                events.denyCacheHit();
                return stillRefused(denial, now);
            }
            if (!now.isBefore(denial.until())) {
                denials.remove(key, denial);
            }
        }
        AttributedRateLimiter.Attributed attributed = delegate.decide(request);
        Decision decision = attributed.decision();
        if (!decision.allowed() && attributed.authoritative()) {
            remember(key, new Denial(request.limits(), request.cost(), now, now.plus(decision.retryAfter()), decision));
        }
        sweepIfDue(now);
        return decision;
    }

    /** How many refusals are cached now. */
    int size() {
        return denials.size();
    }

    private static Decision stillRefused(Denial denial, Instant now) {
        Duration retry = Duration.between(now, denial.until());
        Duration elapsed = Duration.between(denial.decidedAt(), now);
        Duration reset = denial.decision().resetAfter().minus(elapsed);
        return new Decision(false, denial.decision().remaining(), retry, reset.compareTo(retry) < 0 ? retry : reset,
                denial.decision().limit());
    }

    private void remember(String key, Denial denial) {
        if (denials.size() < MAX_ENTRIES || denials.containsKey(key)) {
            denials.put(key, denial);
        }
    }

    private void sweepIfDue(Instant now) {
        long due = nextSweepMillis.get();
        long tick = now.toEpochMilli();
        if (tick >= due && nextSweepMillis.compareAndSet(due, tick + SWEEP_EVERY_MILLIS)) {
            denials.values().removeIf(d -> !now.isBefore(d.until()));
        }
    }
}
