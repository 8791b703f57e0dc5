package io.scaleguard.application.testing;

import io.scaleguard.application.port.out.RateLimitEvents;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** Remembers what the limiter reported, so tests can count decisions, cache hits and failure-mode transitions. */
public final class RecordingRateLimitEvents implements RateLimitEvents {

    public final List<String> decisions = new CopyOnWriteArrayList<>();
    public final List<String> failureModes = new CopyOnWriteArrayList<>();
    public final AtomicInteger denyCacheHits = new AtomicInteger();
    public final AtomicInteger backendCalls = new AtomicInteger();

    @Override
    public void decided(String policy, Outcome outcome) {
        decisions.add(policy + ":" + outcome);
    }

    @Override
    public void denyCacheHit() {
        denyCacheHits.incrementAndGet();
    }

    @Override
    public void backendCall(Duration latency, boolean failed) {
        backendCalls.incrementAndGet();
    }

    @Override
    public void failureMode(String mode) {
        failureModes.add(mode);
    }
}
