package io.scaleguard.application.ratelimit;

import io.scaleguard.application.port.out.RateLimitEvents;
import io.scaleguard.domain.ratelimit.Decision;
import io.scaleguard.domain.ratelimit.Limit;
import io.scaleguard.domain.ratelimit.RateLimitRequest;
import io.scaleguard.domain.ratelimit.RateLimiter;
import io.scaleguard.domain.ratelimit.RateLimiterUnavailable;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The shared limiter while it answers; the configured {@link FailureMode} while it does not.
 *
 * <p>Failure is a policy, not an accident: a request never fails or hangs because the shared store is down. Once the
 * store has failed, requests stop waiting for it; one request per probe interval tries it again, and the first
 * success brings every request back to the shared buckets. Each transition is logged once, not once per request.
 * In {@code local} mode this replica enforces its share of every limit (capacity and rate divided by the replica
 * count), so the cluster as a whole stays near the configured limit.
 */
public final class FailoverRateLimiter implements RateLimiter, AttributedRateLimiter {

    private static final System.Logger LOG = System.getLogger(FailoverRateLimiter.class.getName());
    static final Duration CLOSED_RETRY = Duration.ofSeconds(1);

    private final RateLimiter shared;
    private final RateLimiter local;
    private final FailureMode mode;
    private final int replicas;
    private final Clock clock;
    private final RateLimitEvents events;
    private final Duration probeEvery;
    private final AtomicBoolean degraded = new AtomicBoolean();
    private final AtomicLong nextProbeMillis = new AtomicLong();
    private final Map<List<Limit>, List<Limit>> shares = new ConcurrentHashMap<>();

    public FailoverRateLimiter(RateLimiter shared, RateLimiter local, FailureMode mode, int replicas, Clock clock,
                               RateLimitEvents events, Duration probeEvery) {
        if (replicas < 1) {
            throw new IllegalArgumentException("replicas must be at least 1");
        }
        this.shared = shared;
        this.local = local;
        this.mode = mode;
        this.replicas = replicas;
        this.clock = clock;
        this.events = events;
        this.probeEvery = probeEvery;
        events.failureMode("none");
    }

    @Override
    public Decision tryAcquire(RateLimitRequest request) {
        return decide(request).decision();
    }

    /** The shared store's decision (authoritative), or the failure mode's while the store does not answer. */
    @Override
    public Attributed decide(RateLimitRequest request) {
        if (!degraded.get() || probeIsDue()) {
            try {
                Decision decision = shared.tryAcquire(request);
                recovered();
                return new Attributed(decision, true);
            } catch (RateLimiterUnavailable e) {
                failed(e);
            }
        }
        return new Attributed(fallback(request), false);
    }

    private boolean probeIsDue() {
        long now = clock.millis();
        long due = nextProbeMillis.get();
        return now >= due && nextProbeMillis.compareAndSet(due, now + probeEvery.toMillis());
    }

    private void failed(RateLimiterUnavailable e) {
        nextProbeMillis.set(clock.millis() + probeEvery.toMillis());
        if (degraded.compareAndSet(false, true)) {
            String name = mode.name().toLowerCase(Locale.ROOT);
            LOG.log(System.Logger.Level.WARNING, "shared rate-limit store unavailable ({0}); failure mode ''{1}'' in force", e.getMessage(), name);
            events.failureMode(name);
        }
    }

    private void recovered() {
        if (degraded.compareAndSet(true, false)) {
            LOG.log(System.Logger.Level.INFO, "shared rate-limit store answers again; back to the shared buckets");
            events.failureMode("none");
        }
    }

    private Decision fallback(RateLimitRequest request) {
        Limit first = request.limits().get(0);
        return switch (mode) {
            case OPEN -> new Decision(true, first.capacity() - request.cost(), Duration.ZERO, Duration.ZERO, first);
            case CLOSED -> new Decision(false, 0, CLOSED_RETRY, CLOSED_RETRY, first);
            case LOCAL -> local.tryAcquire(new RateLimitRequest(request.key(), share(request.limits(), request.cost()), request.cost()));
        };
    }

    /**
     * This replica's share of each limit: capacity and rate over the replica count. A request costing more than a share
     * holds is charged to the whole limit instead, so that it is not refused for ever.
     */
    private List<Limit> share(List<Limit> limits, long cost) {
        if (replicas == 1) {
            return limits;
        }
        List<Limit> shared = shares.computeIfAbsent(limits, all -> all.stream().map(this::share).toList());
        return shared.stream().anyMatch(l -> l.capacity() < cost) ? limits : shared;
    }

    private Limit share(Limit limit) {
        long capacity = Math.max(1, limit.capacity() / replicas);
        try {
            return new Limit(limit.name(), capacity, limit.refillTokens(), limit.refillPeriod().multipliedBy(replicas));
        } catch (IllegalArgumentException tooLargeToComputeExactly) {
            // a limit near the exactness bound cannot have its period stretched; this replica then enforces all of it
            return limit;
        }
    }
}
