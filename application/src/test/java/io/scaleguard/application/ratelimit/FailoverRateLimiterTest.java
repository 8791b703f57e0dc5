package io.scaleguard.application.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import io.scaleguard.application.MutableClock;
import io.scaleguard.application.testing.RecordingRateLimitEvents;
import io.scaleguard.domain.ratelimit.BucketKey;
import io.scaleguard.domain.ratelimit.Decision;
import io.scaleguard.domain.ratelimit.Limit;
import io.scaleguard.domain.ratelimit.RateLimitRequest;
import io.scaleguard.domain.ratelimit.RateLimiter;
import io.scaleguard.domain.ratelimit.RateLimiterUnavailable;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class FailoverRateLimiterTest {

    private static final Limit TEN_PER_HOUR = new Limit("burst", 10, 10, Duration.ofHours(1));
    private static final RateLimitRequest REQUEST = RateLimitRequest.of(new BucketKey("user:1"), TEN_PER_HOUR);

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final RecordingRateLimitEvents events = new RecordingRateLimitEvents();
    private final AtomicBoolean storeDown = new AtomicBoolean();
    private final AtomicInteger storeCalls = new AtomicInteger();
    private final InProcessRateLimiter storeBuckets = new InProcessRateLimiter(clock);
    private final RateLimiter store = request -> {
        storeCalls.incrementAndGet();
        if (storeDown.get()) {
            throw new RateLimiterUnavailable("connection refused", null);
        }
        return storeBuckets.tryAcquire(request);
    };

    private FailoverRateLimiter failover(FailureMode mode, int replicas) {
        return new FailoverRateLimiter(store, new InProcessRateLimiter(clock), mode, replicas, clock, events, Duration.ofSeconds(1));
    }

    @Test
    void usesTheSharedStoreWhileItAnswers() {
        FailoverRateLimiter limiter = failover(FailureMode.LOCAL, 1);
        assertThat(limiter.tryAcquire(REQUEST).remaining()).isEqualTo(9);
        assertThat(storeCalls).hasValue(1);
        assertThat(limiter.decide(REQUEST).authoritative()).isTrue();
        assertThat(events.failureModes).containsExactly("none");
    }

    @Test
    void localModeEnforcesThisReplicasShareOfTheLimit() {
        FailoverRateLimiter limiter = failover(FailureMode.LOCAL, 3);
        storeDown.set(true);
        int admitted = 0;
        for (int i = 0; i < 20; i++) {
            admitted += limiter.tryAcquire(REQUEST).allowed() ? 1 : 0;
        }
        assertThat(admitted).as("a third of a burst of ten").isEqualTo(3);
        assertThat(limiter.decide(REQUEST).authoritative()).as("the failure mode decided").isFalse();
        assertThat(events.failureModes).containsExactly("none", "local");
    }

    @Test
    void openModeAdmitsAndClosedModeRefusesWithRetryAfterOneSecond() {
        storeDown.set(true);
        assertThat(failover(FailureMode.OPEN, 1).tryAcquire(REQUEST).allowed()).isTrue();
        Decision closed = failover(FailureMode.CLOSED, 1).tryAcquire(REQUEST);
        assertThat(closed.allowed()).isFalse();
        assertThat(closed.retryAfterSeconds()).isEqualTo(1);
    }

    @Test
    void stopsWaitingForADeadStoreAndProbesItOncePerInterval() {
        FailoverRateLimiter limiter = failover(FailureMode.OPEN, 1);
        storeDown.set(true);
        for (int i = 0; i < 100; i++) {
            limiter.tryAcquire(REQUEST);
        }
        assertThat(storeCalls).as("only the first request waited for the dead store").hasValue(1);
        clock.advance(Duration.ofSeconds(1));
        for (int i = 0; i < 100; i++) {
            limiter.tryAcquire(REQUEST);
        }
        assertThat(storeCalls).as("one probe per interval").hasValue(2);
    }

    @Test
    void returnsToTheSharedStoreWhenItAnswersAgainAndReportsEachTransitionOnce() {
        FailoverRateLimiter limiter = failover(FailureMode.LOCAL, 1);
        storeDown.set(true);
        for (int i = 0; i < 5; i++) {
            limiter.tryAcquire(REQUEST);
            clock.advance(Duration.ofSeconds(1));
        }
        storeDown.set(false);
        assertThat(limiter.tryAcquire(REQUEST).remaining()).as("the shared bucket, untouched while the store was down").isEqualTo(9);
        limiter.tryAcquire(REQUEST);
        assertThat(events.failureModes).containsExactly("none", "local", "none");
    }
}
