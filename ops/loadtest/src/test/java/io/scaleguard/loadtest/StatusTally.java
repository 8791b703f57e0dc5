package io.scaleguard.loadtest;

import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/**
 * Responses counted by request name and outcome (the HTTP status, marked when the edge rather than a replica
 * answered), with a latency histogram for each. Gatling's report tells OK from KO but not a 200 from a 429 (both
 * are expected here), nor how fast the refusals were: this does.
 */
final class StatusTally {

    private static final long MAX_TRACKED_MILLIS = 120_000;

    private final Map<String, Map<String, Histogram>> byRequest = new TreeMap<>();

    synchronized void record(String request, String outcome, long responseMillis) {
        byRequest.computeIfAbsent(request, r -> new TreeMap<>())
                .computeIfAbsent(outcome, o -> new Histogram(MAX_TRACKED_MILLIS, 3))
                .recordValue(Math.min(Math.max(responseMillis, 0), MAX_TRACKED_MILLIS));
    }

    synchronized String table() {
        StringBuilder out = new StringBuilder(String.format("%-24s %-10s %9s %7s %7s %7s %7s%n",
                "request", "outcome", "count", "share", "p50 ms", "p99 ms", "max ms"));
        byRequest.forEach((request, outcomes) -> {
            long total = outcomes.values().stream().mapToLong(Histogram::getTotalCount).sum();
            outcomes.forEach((outcome, latency) -> out.append(String.format("%-24s %-10s %9d %6.1f%% %7d %7d %7d%n",
                    request, outcome, latency.getTotalCount(), 100.0 * latency.getTotalCount() / total,
                    latency.getValueAtPercentile(50), latency.getValueAtPercentile(99), latency.getMaxValue())));
        });
        return out.toString();
    }
}
