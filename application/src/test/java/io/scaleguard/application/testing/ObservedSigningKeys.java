package io.scaleguard.application.testing;

import io.scaleguard.application.port.out.SigningKey;
import io.scaleguard.application.port.out.SigningKeys;
import io.scaleguard.application.port.out.StoreUnavailable;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The in-memory key store, counting its reads and able to fail like a database that went away ({@link #down}) or to
 * stop answering like one that hangs: once {@link #holding}, a read signals {@link #entered} and waits for
 * {@link #release}.
 */
public final class ObservedSigningKeys implements SigningKeys {

    public final InMemorySigningKeys keys = new InMemorySigningKeys();
    public final AtomicInteger reads = new AtomicInteger();
    public final CountDownLatch entered = new CountDownLatch(1);
    public final CountDownLatch release = new CountDownLatch(1);
    public volatile boolean down;
    public volatile boolean holding;

    @Override
    public List<SigningKey> activeAt(Instant now) {
        reads.incrementAndGet();
        if (down) {
            throw new StoreUnavailable("database unreachable", null);
        }
        if (holding) {
            awaitRelease();
        }
        return keys.activeAt(now);
    }

    private void awaitRelease() {
        entered.countDown();
        try {
            release.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void add(SigningKey key) {
        keys.add(key);
    }

    @Override
    public boolean retire(String keyId, Instant at) {
        return keys.retire(keyId, at);
    }

    @Override
    public int purgeRetiredBefore(Instant cutoff) {
        return keys.purgeRetiredBefore(cutoff);
    }
}
