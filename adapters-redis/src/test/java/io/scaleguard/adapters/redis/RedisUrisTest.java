package io.scaleguard.adapters.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RedisUrisTest {

    @Test
    void takesHostPortAndDatabaseApart() {
        assertThat(RedisUris.parse(URI.create("redis://cache.internal:6380/3")))
                .isEqualTo(new RedisUris("redis://cache.internal:6380", 3, null, null));
    }

    @Test
    void defaultsToPort6379AndDatabaseZero() {
        assertThat(RedisUris.parse(URI.create("rediss://cache.internal")))
                .isEqualTo(new RedisUris("rediss://cache.internal:6379", 0, null, null));
    }

    @Test
    void separatesAndDecodesCredentials() {
        assertThat(RedisUris.parse(URI.create("redis://limiter:p%40ss@127.0.0.1:6379/0")))
                .isEqualTo(new RedisUris("redis://127.0.0.1:6379", 0, "limiter", "p@ss"));
        assertThat(RedisUris.parse(URI.create("redis://:secret@127.0.0.1:6379")))
                .isEqualTo(new RedisUris("redis://127.0.0.1:6379", 0, null, "secret"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:6379", "redis:///0", "redis://127.0.0.1:6379/db1", "redis://127.0.0.1:6379/-1"})
    void refusesWhatIsNotARedisUrl(String url) {
        assertThatThrownBy(() -> RedisUris.parse(URI.create(url))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void keepsPasswordsOutOfMessages() {
        assertThatThrownBy(() -> RedisUris.parse(URI.create("redis://user:secret@127.0.0.1:6379/x")))
                .isInstanceOf(IllegalArgumentException.class)
                .message().doesNotContain("secret").contains("***@127.0.0.1");
    }
}
