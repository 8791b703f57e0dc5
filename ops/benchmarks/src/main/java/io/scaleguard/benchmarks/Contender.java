package io.scaleguard.benchmarks;

import java.time.Duration;

/** One rate limiter under test: asks its store whether {@code subject} may spend one token now. Thread-safe. */
interface Contender extends AutoCloseable {

    /** The one limit every contender of a run enforces: {@code capacity} tokens, {@code tokens} more every {@code period}. */
    record BenchLimit(long capacity, long tokens, Duration period) {

        /** The decision-path runs: capacity 100, 50/s, as in BENCHMARKS.md. */
        static final BenchLimit DECISIONS = new BenchLimit(100, 50, Duration.ofSeconds(1));
        /** The memory runs: refilled so slowly that no key expires while 100k are written. */
        static final BenchLimit MEMORY = new BenchLimit(100, 100, Duration.ofHours(1));

        /** How long an empty bucket takes to fill. */
        Duration fill() {
            return period.multipliedBy(capacity).dividedBy(tokens);
        }
    }

    /** How to open a contender on a Redis with a limit. */
    interface Factory {
        Contender open(java.net.URI redis, BenchLimit limit);
    }

    String name();

    /** Whether this is one of the peers ScaleGuard is compared with (not ScaleGuard itself). */
    boolean peer();

    boolean tryAcquire(String subject);

    @Override
    void close();
}
