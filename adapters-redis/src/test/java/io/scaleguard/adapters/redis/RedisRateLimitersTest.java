package io.scaleguard.adapters.redis;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scaleguard.application.port.out.RateLimitEvents;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The factory refuses bad settings before it touches the network. */
class RedisRateLimitersTest {

    private static final URI URL = URI.create("redis://127.0.0.1:1");

    @ParameterizedTest
    @ValueSource(strings = {"", "sg{", "a}b"})
    void refusesAKeyPrefixThatWouldBreakTheHashTag(String prefix) {
        assertThatThrownBy(() -> RedisRateLimiters.standalone(URL, Duration.ofMillis(50), prefix, RateLimitEvents.IGNORED))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("key prefix");
    }

    @Test
    void refusesATimeoutBelowOneMillisecondOrAboveAMinute() {
        assertThatThrownBy(() -> RedisRateLimiters.standalone(URL, Duration.ofNanos(999_999), "sg:", RateLimitEvents.IGNORED))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("timeout");
        assertThatThrownBy(() -> RedisRateLimiters.standalone(URL, Duration.ofMinutes(2), "sg:", RateLimitEvents.IGNORED))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("timeout");
    }

    @Test
    void refusesAClusterWithoutSeedsOrWithADatabase() {
        assertThatThrownBy(() -> RedisRateLimiters.cluster(List.of(), Duration.ofMillis(50), "sg:", RateLimitEvents.IGNORED))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("seed");
        assertThatThrownBy(() -> RedisRateLimiters.cluster(List.of(URI.create("redis://127.0.0.1:7000/2")), Duration.ofMillis(50),
                "sg:", RateLimitEvents.IGNORED))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("database 0");
    }

    @Test
    void refusesMissingEvents() {
        assertThatThrownBy(() -> RedisRateLimiters.standalone(URL, Duration.ofMillis(50), "sg:", null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("events");
    }
}
