package io.scaleguard.application.ratelimit;

import io.scaleguard.domain.ratelimit.BucketState;
import io.scaleguard.domain.ratelimit.Decision;
import io.scaleguard.domain.ratelimit.RateLimitRequest;
import io.scaleguard.domain.ratelimit.RateLimiter;
import io.scaleguard.domain.ratelimit.TokenBucket;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Buckets in this JVM's memory: the embedded default's limiter and the {@code local} fallback when Redis is down.
 *
 * <p>Exact within the JVM: each key is decided inside {@link ConcurrentHashMap#compute}, so concurrent requests on
 * one key are serialised and no race can over-admit. An expired entry means the same as no entry (a full bucket),
 * so a periodic sweep may drop it without changing any decision: memory follows the active keys.
 */
public final class InProcessRateLimiter implements RateLimiter {

    private static final long SWEEP_EVERY_MICROS = 1_000_000;

    private record Entry(BucketState state, long expiresAtMicros) {
    }

    private final ConcurrentHashMap<String, Entry> buckets = new ConcurrentHashMap<>();
    private final Clock clock;
    private final AtomicLong nextSweepMicros = new AtomicLong();

    public InProcessRateLimiter(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Decision tryAcquire(RateLimitRequest request) {
        long now = micros(clock.instant());
        Decision[] decision = new Decision[1];
        buckets.compute(request.key().value(), (key, entry) -> {
            BucketState stored = entry == null || entry.expiresAtMicros() <= now ? null : entry.state();
            TokenBucket.Outcome outcome = TokenBucket.decide(stored, request, now);
            decision[0] = outcome.decision();
            if (outcome.stateToStore() == null) {
                return entry;
            }
            long ttl = outcome.timeToLive().toNanos() / 1_000;
            return new Entry(outcome.stateToStore(), outcome.stateToStore().updatedAtMicros() + ttl);
        });
        sweepIfDue(now);
        return decision[0];
    }

    /** How many keys are held now; memory is proportional to it. */
    public int size() {
        return buckets.size();
    }

    private void sweepIfDue(long now) {
        long due = nextSweepMicros.get();
        if (now >= due && nextSweepMicros.compareAndSet(due, now + SWEEP_EVERY_MICROS)) {
            // removeIf on the entry set removes an entry only if it is still the one tested, so a concurrent update wins.
            buckets.entrySet().removeIf(e -> e.getValue().expiresAtMicros() <= now);
        }
    }

    private static long micros(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1_000);
    }
}
