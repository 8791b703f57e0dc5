package io.scaleguard.adapters.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
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
    void keepsTheBracketsOfAnIpv6Literal() {
        assertThat(RedisUris.parse(URI.create("redis://[::1]:6379")))
                .isEqualTo(new RedisUris("redis://[::1]:6379", 0, null, null));
        assertThat(RedisUris.parse(URI.create("rediss://:pw@[2001:db8::7]/1")))
                .isEqualTo(new RedisUris("rediss://[2001:db8::7]:6379", 1, null, "pw"));
    }

    @Test
    void separatesAndDecodesCredentials() {
        assertThat(RedisUris.parse(URI.create("redis://limiter:p%40ss@127.0.0.1:6379/0")))
                .isEqualTo(new RedisUris("redis://127.0.0.1:6379", 0, "limiter", "p@ss"));
        assertThat(RedisUris.parse(URI.create("redis://:secret@127.0.0.1:6379")))
                .isEqualTo(new RedisUris("redis://127.0.0.1:6379", 0, null, "secret"));
        assertThat(RedisUris.parse(URI.create("redis://user:pw@cache:6380/2")))
                .isEqualTo(new RedisUris("redis://cache:6380", 2, "user", "pw"));
    }

    @Test
    void readsALoneUserInfoAsThePasswordAsRedisCliDoes() {
        assertThat(RedisUris.parse(URI.create("redis://secret@cache")))
                .isEqualTo(new RedisUris("redis://cache:6379", 0, null, "secret"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "redis://u:a+b@h | a+b",
            "redis://u:a%40b@h | a@b",
            "redis://u:a:b@h | a:b",
            "redis://u:p+a%40ss:w%3Ard%2B@h | p+a@ss:w:rd+",
            "redis://u:%C3%A9t%C3%A9@h | \u00e9t\u00e9"})
    void decodesAPasswordAsAUriDoesNotAsAFormDoes(String url, String password) {
        assertThat(RedisUris.parse(URI.create(url)).password()).isEqualTo(password);
    }

    @Test
    void splitsUserFromPasswordAtTheFirstColonBeforeDecoding() {
        RedisUris target = RedisUris.parse(URI.create("redis://us%3Aer:pw@h"));
        assertThat(target.username()).isEqualTo("us:er");
        assertThat(target.password()).isEqualTo("pw");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:6379", "redis:///0", "redis://127.0.0.1:6379/db1", "redis://127.0.0.1:6379/-1",
            "redis://127.0.0.1:6379?timeout=5", "redis://127.0.0.1:6379#x", "redis://127.0.0.1:0", "redis://127.0.0.1:65536",
            "redis:127.0.0.1"})
    void refusesWhatIsNotARedisUrl(String url) {
        assertThatThrownBy(() -> RedisUris.parse(URI.create(url))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(RedisUris.SHAPE).hasMessageContaining(url);
    }

    @Test
    void checksTextAndReturnsItsUrlWithoutSurroundingBlanks() {
        assertThat(RedisUris.checked(" redis://u:p%40ss@[::1]:6379/2\n")).isEqualTo(URI.create("redis://u:p%40ss@[::1]:6379/2"));
        assertThatThrownBy(() -> RedisUris.checked(null)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(RedisUris.SHAPE);
        assertThatThrownBy(() -> RedisUris.checked(" ")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(RedisUris.SHAPE);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            // parsed, but refused for another reason
            "redis://user:secret@127.0.0.1:6379/x | 'redis://user:****@127.0.0.1:6379/x'",
            "http://:secret@127.0.0.1:6379 | 'http://:****@127.0.0.1:6379'",
            "redis://secret@127.0.0.1:6379?x=1 | 'redis://****@127.0.0.1:6379?x=1'",
            // not even a URL, or no host: the password's unescaped characters broke it
            "redis://user:se cret@127.0.0.1 | 'redis://user:****@127.0.0.1'",
            "redis://user:se@cret@127.0.0.1 | 'redis://user:****@127.0.0.1'",
            "redis://user:se/cret@127.0.0.1 | 'redis://user:****@127.0.0.1'",
            "redis://:se#cret@127.0.0.1 | 'redis://:****@127.0.0.1'",
            "user:secret@127.0.0.1 | 'user:****@127.0.0.1'"})
    void showsTheUrlWithItsPasswordHidden(String url, String shown) {
        assertThatThrownBy(() -> RedisUris.checked(url)).isInstanceOf(IllegalArgumentException.class)
                .message().contains(shown).contains(RedisUris.SHAPE).doesNotContain("secret").doesNotContain("cret");
    }
}
