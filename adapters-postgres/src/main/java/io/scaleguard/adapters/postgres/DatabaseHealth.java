package io.scaleguard.adapters.postgres;

import io.scaleguard.application.port.out.HealthCheck;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Readiness of the database: {@code SELECT 1} on a pooled connection within a time budget. The query runs on a thread
 * of its own, so a probe returns within the budget even when connecting or the answer hangs; while an earlier check is
 * still stuck the answer is "unhealthy" at once, and checks never pile up.
 */
final class DatabaseHealth implements HealthCheck, AutoCloseable {

    private final Transactions transactions;
    private final Duration budget;
    private final ExecutorService checker = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "scaleguard-database-health");
        thread.setDaemon(true);
        return thread;
    });
    private Future<?> running;

    DatabaseHealth(Transactions transactions, Duration budget) {
        this.transactions = transactions;
        this.budget = budget;
    }

    @Override
    public String name() {
        return "database";
    }

    @Override
    public synchronized boolean healthy() {
        if (running != null && !running.isDone()) {
            return false;
        }
        try {
            running = checker.submit(() -> transactions.read("answer a health check",
                    entityManager -> entityManager.createNativeQuery("SELECT 1").getSingleResult()));
            running.get(budget.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException | ExecutionException | RuntimeException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void close() {
        checker.shutdownNow();
    }
}
