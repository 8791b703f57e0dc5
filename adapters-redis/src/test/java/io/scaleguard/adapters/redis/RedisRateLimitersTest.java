package io.scaleguard.adapters.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scaleguard.application.port.out.RateLimitEvents;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The factory refuses bad settings before it touches the network, with the parser that checks configured URLs. */
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
        assertThatThrownBy(() -> RedisRateLimiters.cluster(List.of(URI.create("redis://:secret@127.0.0.1:7000/2")), Duration.ofMillis(50),
                "sg:", RateLimitEvents.IGNORED))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("database 0")
                .message().doesNotContain("secret");
    }

    @ParameterizedTest
    @ValueSource(strings = {"redis://:password@cache:6379", "redis://user:pw@cache:6379/2", "redis://[::1]:6379",
            "rediss://cache.internal"})
    void acceptsTheUrlsADeploymentWrites(String url) {
        assertThat(RedisRateLimiters.checkedUrl(url)).isEqualTo(URI.create(url));
    }

    @Test
    void refusesABadUrlNamingTheShapeButNotThePassword() {
        assertThatThrownBy(() -> RedisRateLimiters.checkedUrl("redis://user:secret@cache:6379/db"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("redis://[[user]:password@]host[:port][/database]")
                .hasMessageContaining("redis://user:****@cache:6379/db")
                .message().doesNotContain("secret");
    }

    @Test
    void refusesMissingEvents() {
        assertThatThrownBy(() -> RedisRateLimiters.standalone(URL, Duration.ofMillis(50), "sg:", null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("events");
    }
}
