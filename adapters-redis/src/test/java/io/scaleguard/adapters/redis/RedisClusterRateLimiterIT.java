package io.scaleguard.adapters.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.scaleguard.application.port.out.RateLimitEvents;
import io.scaleguard.application.ratelimit.RateLimiterContract;
import io.scaleguard.domain.ratelimit.Limit;
import io.scaleguard.domain.ratelimit.RateLimitRequest;
import io.scaleguard.domain.ratelimit.RateLimiter;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The same contract on a real three-master Redis Cluster that this test starts and stops. */
class RedisClusterRateLimiterIT extends RateLimiterContract {

    private static final Duration TIMEOUT = Duration.ofSeconds(2);
    private static final String PREFIX = TestRedis.uniqueKeyPrefix();

    private static TestRedisCluster cluster;
    private static RedisLimiterHandle handle;

    @BeforeAll
    static void startCluster() {
        cluster = TestRedisCluster.start();
        handle = RedisRateLimiters.cluster(cluster.seeds(), TIMEOUT, PREFIX, RateLimitEvents.IGNORED);
    }

    @AfterAll
    static void stopCluster() {
        if (handle != null) {
            handle.close();
        }
        cluster.close();
    }

    @Override
    protected RateLimiter limiter() {
        return handle.rateLimiter();
    }

    @Test
    void spreadsSubjectsOverAllThreeMasters() {
        Limit limit = new Limit("burst", 5, 5, Duration.ofHours(1));
        for (int i = 0; i < 60; i++) {
            assertThat(limiter().tryAcquire(RateLimitRequest.of(freshKey(), limit)).allowed()).isTrue();
        }
        assertThat(cluster.keysPerMaster()).hasSize(3).allSatisfy(keys -> assertThat(keys).isPositive());
    }

    @Test
    void isHealthyWhileEveryMasterAnswers() {
        assertThat(handle.health().healthy()).isTrue();
    }
}
