package io.scaleguard.adapters.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.scaleguard.application.port.out.RateLimitEvents;
import io.scaleguard.application.ratelimit.RateLimiterContract;
import io.scaleguard.domain.ratelimit.Limit;
import io.scaleguard.domain.ratelimit.RateLimitRequest;
import io.scaleguard.domain.ratelimit.RateLimiter;
import io.scaleguard.domain.ratelimit.BucketKey;
import io.scaleguard.domain.ratelimit.Decision;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
    void decidesManyKeysAtOnceWithoutMixingSlotsInOneScriptCall() throws Exception {
        Limit limit = new Limit("burst", 3, 3, Duration.ofHours(1));
        List<BucketKey> keys = java.util.stream.IntStream.range(0, 300).mapToObj(i -> freshKey()).toList();
        ExecutorService pool = Executors.newFixedThreadPool(32);
        try {
            List<Future<Decision>> decisions = new ArrayList<>();
            for (int round = 0; round < 4; round++) {
                for (BucketKey key : keys) {
                    decisions.add(pool.submit(() -> limiter().tryAcquire(RateLimitRequest.of(key, limit))));
                }
            }
            long allowed = 0;
            for (Future<Decision> decision : decisions) {
                allowed += decision.get().allowed() ? 1 : 0;
            }
            assertThat(allowed).as("three of four per key").isEqualTo(3L * keys.size());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void isHealthyWhileEveryMasterAnswers() {
        assertThat(handle.health().healthy()).isTrue();
    }
}
