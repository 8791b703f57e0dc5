package io.scaleguard.domain.ratelimit;

/**
 * The driven port of rate limiting: decide, atomically, whether a key may spend tokens now.
 *
 * <p>Every adapter (in-process, Redis, Redis Cluster) passes the same contract test, so callers cannot tell
 * them apart except by where the buckets live.
 */
public interface RateLimiter {

    /**
     * Takes {@code request.cost()} tokens from every limit of the request's key, or from none.
     *
     * @throws RateLimiterUnavailable when the store of the buckets cannot answer within its time budget
     */
    Decision tryAcquire(RateLimitRequest request);
}
