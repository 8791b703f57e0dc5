package io.scaleguard.application.quota;

import static org.assertj.core.api.Assertions.assertThat;

import io.scaleguard.application.MutableClock;
import io.scaleguard.application.ratelimit.InProcessRateLimiter;
import io.scaleguard.application.ratelimit.RatePolicies;
import io.scaleguard.application.testing.RecordingRateLimitEvents;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    private final LoginThrottle throttle = new LoginThrottle(new ChargeQuotaService(
            new InProcessRateLimiter(new MutableClock(Instant.parse("2026-01-01T00:00:00Z"))), new RecordingRateLimitEvents()),
            RatePolicies.standard(10, "1"));

    @Test
    void countsAnIpv6ClientByItsSlash64SoAnotherAddressOfTheSameNetworkGetsNoFreshBucket() {
        for (int i = 0; i < 30; i++) {
            assertThat(throttle.chargeAddress("2001:db8:1:2:0:0:0:" + Integer.toHexString(i + 1))).isEmpty();
        }
        assertThat(throttle.chargeAddress("2001:db8:1:2:ffff:0:0:99")).as("same /64").isPresent();
        assertThat(throttle.chargeAddress("2001:db8:1:3:0:0:0:1")).as("another /64").isEmpty();
    }

    @Test
    void countsAnIpv4ClientByItsAddress() {
        for (int i = 0; i < 30; i++) {
            throttle.chargeAddress("198.51.100.7");
        }
        assertThat(throttle.chargeAddress("198.51.100.7")).isPresent();
        assertThat(throttle.chargeAddress("198.51.100.8")).isEmpty();
    }

    @Test
    void namesTheNetworkOfAnAddress() {
        assertThat(LoginThrottle.network("2001:db8:0:0:0:0:0:1%eth0")).isEqualTo("2001:db8:0:0::/64");
        assertThat(LoginThrottle.network("203.0.113.9")).isEqualTo("203.0.113.9");
        assertThat(LoginThrottle.network("unknown")).isEqualTo("unknown");
    }
}
