package io.scaleguard.domain.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class LimitTest {

    @Test
    void keepsAFractionalRateAsAnExactFraction() {
        Limit limit = Limit.perSecond("default", 10, "0.25");
        assertThat(limit.refillTokens()).isEqualTo(25);
        assertThat(limit.refillPeriod()).isEqualTo(Duration.ofSeconds(100));
        assertThat(limit.unitsPerToken()).isEqualTo(4_000_000);
        assertThat(limit.refillUnitsPerMicro()).isEqualTo(1);
        assertThat(limit.windowSeconds()).isEqualTo(40);
    }

    @Test
    void reducesAThousandPerHourToOneUnitPerMicrosecond() {
        Limit limit = new Limit("hourly", 1_000, 1_000, Duration.ofHours(1));
        assertThat(limit.unitsPerToken()).isEqualTo(3_600_000);
        assertThat(limit.refillUnitsPerMicro()).isEqualTo(1);
        assertThat(limit.windowSeconds()).isEqualTo(3_600);
    }

    @Test
    void refusesRatesItCannotComputeExactly() {
        assertThatThrownBy(() -> Limit.perSecond("x", 10, "0")).hasMessageContaining("positive");
        assertThatThrownBy(() -> Limit.perSecond("x", 10, "abc")).hasMessageContaining("not a number");
        assertThatThrownBy(() -> new Limit("x", 10_000_000_000L, 1, Duration.ofDays(365))).hasMessageContaining("too large");
        assertThatThrownBy(() -> new Limit("Bad Name", 1, 1, Duration.ofSeconds(1))).hasMessageContaining("limit name");
    }

    @Test
    void refusesACostNoBucketCouldEverHold() {
        Limit limit = Limit.perSecond("default", 10, "1");
        assertThatThrownBy(() -> new RateLimitRequest(new BucketKey("user:1"), List.of(limit), 11)).hasMessageContaining("never be admitted");
    }

    @Test
    void refusesTheEleventhRequestInABurstOfTen() {
        Limit limit = Limit.perSecond("default", 10, "1");
        BucketState state = null;
        for (int i = 0; i < 10; i++) {
            TokenBucket.Outcome outcome = TokenBucket.decide(state, RateLimitRequest.of(new BucketKey("user:1"), limit), 1_000);
            assertThat(outcome.decision().allowed()).isTrue();
            assertThat(outcome.decision().remaining()).isEqualTo(9 - i);
            state = outcome.stateToStore();
        }
        Decision eleventh = TokenBucket.decide(state, RateLimitRequest.of(new BucketKey("user:1"), limit), 1_000).decision();
        assertThat(eleventh.allowed()).isFalse();
        assertThat(eleventh.retryAfter()).isEqualTo(Duration.ofSeconds(1));
        assertThat(eleventh.resetAfter()).isEqualTo(Duration.ofSeconds(10));
        assertThat(eleventh.retryAfterSeconds()).isEqualTo(1);
    }
}
