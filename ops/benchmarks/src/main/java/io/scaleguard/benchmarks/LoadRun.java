package io.scaleguard.benchmarks;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import org.HdrHistogram.Histogram;

/**
 * Drives one contender with a number of threads: a warm-up that is not recorded, then a measured phase in which every
 * call's latency goes into an HdrHistogram. The threads never wait between calls (a closed loop), as request threads
 * of a busy server would.
 */
final class LoadRun {

    /** What one measured phase gave. */
    record Result(long decisions, long allowed, long errors, Duration measured, Histogram latencyNanos, long clientCpuNanos) {

        double perSecond() {
            return decisions / (measured.toNanos() / 1e9);
        }

        /** CPU this JVM spent per decision: on a machine shared with other work, a steadier measure than the rate. */
        double clientCpuMicrosPerDecision() {
            return clientCpuNanos / 1e3 / Math.max(1, decisions);
        }
    }

    private static final int WARMING = 0;
    private static final int MEASURING = 1;
    private static final int STOPPED = 2;

    private LoadRun() {
    }

    /**
     * Runs {@code threads} threads; thread {@code t} asks for the subjects {@code subjects.apply(random)} gives, with a
     * random generator of its own.
     */
    static Result run(Contender contender, int threads, Duration warmUp, Duration measure, IntFunction<String> subjects)
            throws InterruptedException {
        AtomicInteger phase = new AtomicInteger(WARMING);
        List<Worker> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            workers.add(new Worker(contender, phase, subjects, t));
        }
        workers.forEach(Thread::start);
        Thread.sleep(warmUp.toMillis());
        long start = System.nanoTime();
        long cpuStart = processCpuNanos();
        phase.set(MEASURING);
        Thread.sleep(measure.toMillis());
        phase.set(STOPPED);
        long end = System.nanoTime();
        long cpu = processCpuNanos() - cpuStart;
        Histogram all = new Histogram(3);
        long decisions = 0;
        long allowed = 0;
        long errors = 0;
        for (Worker worker : workers) {
            worker.join();
            all.add(worker.latency);
            decisions += worker.decisions;
            allowed += worker.allowed;
            errors += worker.errors;
        }
        return new Result(decisions, allowed, errors, Duration.ofNanos(end - start), all, cpu);
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static final class Worker extends Thread {

        private final Contender contender;
        private final AtomicInteger phase;
        private final IntFunction<String> subjects;
        private final SplittableRandom random;
        private final Histogram latency = new Histogram(3);
        private long decisions;
        private long allowed;
        private long errors;

        Worker(Contender contender, AtomicInteger phase, IntFunction<String> subjects, int index) {
            super("bench-" + index);
            this.contender = contender;
            this.phase = phase;
            this.subjects = subjects;
            this.random = new SplittableRandom(index);
        }

        @Override
        public void run() {
            int current;
            while ((current = phase.get()) != STOPPED) {
                String subject = subjects.apply(random.nextInt());
                long start = System.nanoTime();
                boolean ok;
                try {
                    ok = contender.tryAcquire(subject);
                } catch (RuntimeException e) {
                    if (current == MEASURING) {
                        errors++;
                    }
                    continue;
                }
                long took = System.nanoTime() - start;
                if (current == MEASURING) {
                    latency.recordValue(took);
                    decisions++;
                    allowed += ok ? 1 : 0;
                }
            }
        }
    }
}
