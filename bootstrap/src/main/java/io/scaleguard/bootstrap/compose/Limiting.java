package io.scaleguard.bootstrap.compose;

import io.scaleguard.adapters.redis.RedisLimiterHandle;
import io.scaleguard.adapters.redis.RedisRateLimiters;
import io.scaleguard.application.port.out.HealthCheck;
import io.scaleguard.application.port.out.RateLimitEvents;
import io.scaleguard.application.ratelimit.DenyCachingRateLimiter;
import io.scaleguard.application.ratelimit.FailureMode;
import io.scaleguard.application.ratelimit.FailoverRateLimiter;
import io.scaleguard.application.ratelimit.InProcessRateLimiter;
import io.scaleguard.bootstrap.config.RedisTarget;
import io.scaleguard.bootstrap.config.ScaleGuardConfig;
import io.scaleguard.domain.ratelimit.RateLimiter;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * The limiter the configuration names. Without Redis: the in-process limiter, exact within this replica. With Redis
 * (standalone or cluster): the Lua-script adapter, behind the failure policy and the local deny cache.
 */
final class Limiting implements AutoCloseable {

    /** While Redis is down, one request a second tries it again; the others do not wait for it. */
    static final Duration PROBE_EVERY = Duration.ofSeconds(1);

    private final RateLimiter limiter;
    private final RedisLimiterHandle redis;
    private final FailureMode failureMode;
    private final String description;

    private Limiting(RateLimiter limiter, RedisLimiterHandle redis, FailureMode failureMode, String description) {
        this.limiter = limiter;
        this.redis = redis;
        this.failureMode = failureMode;
        this.description = description;
    }

    static Limiting open(ScaleGuardConfig config, RateLimitEvents events, Clock clock) {
        RedisTarget target = config.redis();
        if (target instanceof RedisTarget.InProcess) {
            return new Limiting(new InProcessRateLimiter(clock), null, config.failureMode(), "in-process rate limiter");
        }
        RedisLimiterHandle redis = target instanceof RedisTarget.Standalone standalone
                ? RedisRateLimiters.standalone(URI.create(standalone.url()), config.redisTimeout(), config.redisKeyPrefix(), events)
                : RedisRateLimiters.cluster(((RedisTarget.Cluster) target).seedUrls().stream().map(URI::create).toList(),
                        config.redisTimeout(), config.redisKeyPrefix(), events);
        FailoverRateLimiter guarded = new FailoverRateLimiter(redis.rateLimiter(), new InProcessRateLimiter(clock), config.failureMode(),
                config.replicas(), clock, events, PROBE_EVERY);
        return new Limiting(new DenyCachingRateLimiter(guarded, clock, events), redis, config.failureMode(),
                "Redis rate limiter (" + target + ", failure mode " + config.failureMode().name().toLowerCase(Locale.ROOT) + ")");
    }

    RateLimiter limiter() {
        return limiter;
    }

    /**
     * Redis's readiness check. It is critical only in the {@code closed} failure mode, where nothing can be served
     * without Redis; under {@code local} or {@code open} a Redis outage is reported but leaves the replica ready, or one
     * outage would take every replica out of its load balancer at once.
     */
    List<HealthCheck> health() {
        if (redis == null) {
            return List.of();
        }
        HealthCheck check = redis.health();
        boolean critical = failureMode == FailureMode.CLOSED;
        return List.of(new HealthCheck() {
            @Override
            public String name() {
                return check.name();
            }

            @Override
            public boolean healthy() {
                return check.healthy();
            }

            @Override
            public boolean critical() {
                return critical;
            }
        });
    }

    String description() {
        return description;
    }

    @Override
    public void close() {
        if (redis != null) {
            redis.close();
        }
    }
}
