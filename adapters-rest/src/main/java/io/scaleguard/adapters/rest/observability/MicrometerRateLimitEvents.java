package io.scaleguard.adapters.rest.observability;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.scaleguard.application.port.out.RateLimitEvents;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The rate limiter's events as Prometheus meters: decisions by policy and outcome, deny-cache hits, the latency and
 * failures of Redis calls, and which failure mode is in force. It sits on the request path, so the meters of a
 * policy are looked up once and kept.
 */
public final class MicrometerRateLimitEvents implements RateLimitEvents {

    /**
     * Policies come from configuration and are few; past this many distinct names, the rest share the label
     * {@link #OTHER}, so that a misconfiguration cannot flood Prometheus.
     */
    static final int MAX_POLICIES = 32;
    /** The label of the policies past the cap, and of a failure mode this class does not know. */
    static final String OTHER = "other";
    static final List<String> FAILURE_MODES = List.of("none", "local", "open", "closed");

    static final String DECISIONS = "scaleguard.ratelimit.decisions";
    static final String DENY_CACHE_HITS = "scaleguard.ratelimit.deny_cache.hits";
    static final String REDIS_CALLS = "scaleguard.ratelimit.redis.calls";
    static final String REDIS_ERRORS = "scaleguard.ratelimit.redis.errors";
    static final String FAILURE_MODE = "scaleguard.ratelimit.failure_mode";

    /** A Redis round trip takes well under a millisecond on a LAN; the top buckets are for timeouts. */
    private static final Duration[] REDIS_BUCKETS = {
        Duration.ofNanos(250_000), Duration.ofNanos(500_000), Duration.ofMillis(1), Duration.ofMillis(2), Duration.ofMillis(5),
        Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250),
        Duration.ofMillis(500), Duration.ofSeconds(1)};

    private final MeterRegistry registry;
    private final Map<String, Map<Outcome, Counter>> decisions = new ConcurrentHashMap<>();
    private final Counter denyCacheHits;
    private final Timer redisCalls;
    private final Counter redisErrors;
    /** Until the failover reports otherwise, the shared store (or the in-process limiter) answers. */
    private final AtomicReference<String> failureMode = new AtomicReference<>("none");

    public MicrometerRateLimitEvents(MeterRegistry registry) {
        this.registry = registry;
        denyCacheHits = Counter.builder(DENY_CACHE_HITS).description("Refusals answered from the local deny cache").register(registry);
        redisCalls = Timer.builder(REDIS_CALLS).description("Round trips to Redis, successful or not")
                .serviceLevelObjectives(REDIS_BUCKETS).register(registry);
        redisErrors = Counter.builder(REDIS_ERRORS).description("Round trips to Redis that failed").register(registry);
        FAILURE_MODES.forEach(this::registerFailureModeGauge);
    }

    @Override
    public void decided(String policy, Outcome outcome) {
        countersOf(policy).get(outcome).increment();
    }

    @Override
    public void denyCacheHit() {
        denyCacheHits.increment();
    }

    @Override
    public void backendCall(Duration latency, boolean failed) {
        redisCalls.record(latency);
        if (failed) {
            redisErrors.increment();
        }
    }

    @Override
    public void failureMode(String mode) {
        String label = FAILURE_MODES.contains(mode) ? mode : OTHER;
        if (label.equals(OTHER)) {
            registerFailureModeGauge(OTHER);
        }
        failureMode.set(label);
    }

    private Map<Outcome, Counter> countersOf(String policy) {
        Map<Outcome, Counter> known = decisions.get(policy);
        if (known != null) {
            return known;
        }
        synchronized (decisions) {
            String label = policy != null && (decisions.containsKey(policy) || decisions.size() < MAX_POLICIES) ? policy : OTHER;
            return decisions.computeIfAbsent(label, this::newCounters);
        }
    }

    private Map<Outcome, Counter> newCounters(String policy) {
        Map<Outcome, Counter> counters = new EnumMap<>(Outcome.class);
        for (Outcome outcome : Outcome.values()) {
            counters.put(outcome, Counter.builder(DECISIONS).description("Rate-limit decisions by policy and outcome")
                    .tag("policy", policy).tag("outcome", outcome.name().toLowerCase(Locale.ROOT)).register(registry));
        }
        return counters;
    }

    /** Registering is idempotent in Micrometer, so a mode seen again reuses its gauge. */
    private void registerFailureModeGauge(String mode) {
        Gauge.builder(FAILURE_MODE, failureMode, current -> mode.equals(current.get()) ? 1 : 0)
                .description("1 for the failure mode in force, 0 for the others; none while Redis answers")
                .tag("mode", mode).strongReference(true).register(registry);
    }
}
