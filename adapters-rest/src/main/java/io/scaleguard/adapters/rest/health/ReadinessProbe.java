package io.scaleguard.adapters.rest.health;

import io.scaleguard.application.port.out.HealthCheck;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs the readiness checks side by side within one time budget, so that a dead dependency makes the probe say
 * "down" in time instead of hanging it. A check still running from an earlier probe is not started again: a
 * hanging dependency then costs one thread, not one thread per probe.
 */
public final class ReadinessProbe {

    private static final Logger LOG = Logger.getLogger(ReadinessProbe.class.getName());

    private final List<HealthCheck> checks;
    private final Duration budget;
    private final Map<Integer, CompletableFuture<Boolean>> running = new ConcurrentHashMap<>();
    private final ExecutorService executor = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "readiness-check");
        thread.setDaemon(true);
        return thread;
    });

    /** @param budget how long the checks together may take before those still running count as down */
    public ReadinessProbe(List<HealthCheck> checks, Duration budget) {
        this.checks = List.copyOf(checks);
        this.budget = budget;
    }

    /** Each check's outcome within the budget, in the order of the checks. */
    List<CheckOutcome> probe() {
        Map<Integer, CompletableFuture<Boolean>> started = new LinkedHashMap<>();
        for (int i = 0; i < checks.size(); i++) {
            HealthCheck check = checks.get(i);
            started.put(i, running.compute(i, (index, previous) -> previous != null && !previous.isDone()
                    ? previous : CompletableFuture.supplyAsync(() -> healthy(check), executor)));
        }
        long deadline = System.nanoTime() + budget.toNanos();
        List<CheckOutcome> outcomes = new ArrayList<>();
        started.forEach((index, outcome) -> {
            HealthCheck check = checks.get(index);
            outcomes.add(new CheckOutcome(check.name(), await(outcome, deadline), check.critical()));
        });
        return outcomes;
    }

    private static boolean await(CompletableFuture<Boolean> outcome, long deadline) {
        try {
            return outcome.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException | ExecutionException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The port says checks never throw; one that does anyway is down, not a failed probe. */
    private static boolean healthy(HealthCheck check) {
        try {
            return check.healthy();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "readiness check " + check.name() + " failed", e);
            return false;
        }
    }
}
