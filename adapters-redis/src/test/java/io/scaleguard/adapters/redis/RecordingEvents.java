package io.scaleguard.adapters.redis;

import io.scaleguard.application.port.out.RateLimitEvents;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps every backend call the adapter reports, so that a test can check what the metrics would see. */
final class RecordingEvents implements RateLimitEvents {

    record BackendCall(Duration latency, boolean failed) {
    }

    private final List<BackendCall> calls = new CopyOnWriteArrayList<>();

    List<BackendCall> calls() {
        return List.copyOf(calls);
    }

    @Override
    public void backendCall(Duration latency, boolean failed) {
        calls.add(new BackendCall(latency, failed));
    }

    @Override
    public void decided(String policy, Outcome outcome) {
        // the adapter decides nothing about policies; only backend calls are its to report
    }

    @Override
    public void denyCacheHit() {
        // the deny cache lives in application, in front of the adapter
    }

    @Override
    public void failureMode(String mode) {
        // failure modes are the application's
    }
}
