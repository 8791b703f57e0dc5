package io.scaleguard.adapters.postgres;

import io.scaleguard.application.port.out.PasswordHashingBusy;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * A bound on concurrent password hashes. A caller waits briefly for a slot and is then refused with
 * {@link PasswordHashingBusy}, so a login storm is answered fast instead of queueing behind seconds of hashing and
 * starving every other request of CPU.
 */
final class HashingSlots {

    static final Duration RETRY_AFTER = Duration.ofSeconds(1);

    private final Semaphore slots;
    private final long waitNanos;
    private final AtomicInteger inFlight = new AtomicInteger();

    HashingSlots(int size, Duration wait) {
        this.slots = new Semaphore(size, true);
        this.waitNanos = wait.toNanos();
    }

    <T> T run(Supplier<T> hashing) {
        inFlight.incrementAndGet();
        try {
            if (!slots.tryAcquire(waitNanos, TimeUnit.NANOSECONDS)) {
                throw new PasswordHashingBusy(RETRY_AFTER);
            }
            try {
                return hashing.get();
            } finally {
                slots.release();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PasswordHashingBusy(RETRY_AFTER);
        } finally {
            inFlight.decrementAndGet();
        }
    }

    /** Hashes running or waiting for a slot, for the metrics gauge of the hashing queue. */
    int inFlight() {
        return inFlight.get();
    }
}
