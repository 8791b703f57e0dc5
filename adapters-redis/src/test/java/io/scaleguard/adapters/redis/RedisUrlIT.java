package io.scaleguard.adapters.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scaleguard.application.port.out.RateLimitEvents;
import io.scaleguard.domain.ratelimit.BucketKey;
import io.scaleguard.domain.ratelimit.Decision;
import io.scaleguard.domain.ratelimit.Limit;
import io.scaleguard.domain.ratelimit.RateLimitRequest;
import io.scaleguard.domain.ratelimit.RateLimiterUnavailable;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.config.Config;

/**
 * The URL forms a deployment writes, against a redis-server of the test's own that demands them: a user whose
 * password has the characters that need care ({@code +} stays a plus, {@code %40} is an {@code @}, a {@code :} is part
 * of the password), a database other than 0, and the IPv6 loopback as a bracketed literal. The default user is off,
 * so nothing works without the right credentials.
 */
class RedisUrlIT {

    /** Generous: the test checks connections, not speed. */
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final String USER = "limiter";
    private static final String PASSWORD = "p+a@ss:w0rd";
    private static final String PREFIX = "sg:";
    private static final Limit LIMIT = new Limit("burst", 5, 5, Duration.ofHours(1));
    private static final RateLimitRequest REQUEST = RateLimitRequest.of(new BucketKey("url:subject"), LIMIT);

    private PrivateRedis redis;

    @BeforeEach
    void start() {
        redis = PrivateRedis.start(List.of("bind 127.0.0.1 ::1", "user default off",
                "user " + USER + " on >" + PASSWORD + " ~* +@all"));
    }

    @AfterEach
    void stop() {
        redis.close();
    }

    @Test
    void connectsAsTheUserOfTheUrlToItsDatabaseOverIpv6() {
        String url = "redis://" + USER + ":p+a%40ss:w0rd@[::1]:" + redis.port() + "/2";
        try (RedisLimiterHandle handle = RedisRateLimiters.standalone(RedisRateLimiters.checkedUrl(url), TIMEOUT, PREFIX,
                RateLimitEvents.IGNORED)) {
            Decision decision = handle.rateLimiter().tryAcquire(REQUEST);
            assertThat(decision.allowed()).isTrue();
            assertThat(decision.remaining()).isEqualTo(LIMIT.capacity() - 1);
        }
        assertThat(keysIn(2)).containsExactly(new DecisionScript(PREFIX).key(REQUEST));
        assertThat(keysIn(0)).isEmpty();
    }

    @Test
    void failsWithThePasswordAFormDecoderWouldHaveSent() {
        // what URLDecoder made of the password before: its '+' a space
        String url = "redis://" + USER + ":p%20a%40ss:w0rd@[::1]:" + redis.port() + "/2";
        try (RedisLimiterHandle handle = RedisRateLimiters.standalone(RedisRateLimiters.checkedUrl(url), TIMEOUT, PREFIX,
                RateLimitEvents.IGNORED)) {
            assertThatThrownBy(() -> handle.rateLimiter().tryAcquire(REQUEST)).isInstanceOf(RateLimiterUnavailable.class);
            assertThat(handle.health().healthy()).isFalse();
        }
    }

    /** The keys of one database, read with Redisson's own settings for the credentials, not through a URL. */
    private List<String> keysIn(int database) {
        Config config = new Config();
        config.useSingleServer().setAddress("redis://127.0.0.1:" + redis.port()).setDatabase(database)
                .setUsername(USER).setPassword(PASSWORD);
        RedissonClient client = Redisson.create(config);
        try {
            return client.getKeys().getKeysStream().toList();
        } finally {
            client.shutdown();
        }
    }
}
