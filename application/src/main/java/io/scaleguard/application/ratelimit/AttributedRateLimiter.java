package io.scaleguard.application.ratelimit;

import io.scaleguard.domain.ratelimit.Decision;
import io.scaleguard.domain.ratelimit.RateLimitRequest;
import io.scaleguard.domain.ratelimit.RateLimiter;

/**
 * A limiter that says whether each decision came from the authoritative buckets or from a stand-in (a failure mode
 * while the shared store is down). Only an authoritative refusal proves that the bucket cannot pay until its
 * retry-after, so only those may be cached.
 */
public interface AttributedRateLimiter {

    Attributed decide(RateLimitRequest request);

    record Attributed(Decision decision, boolean authoritative) {
    }

    /** A limiter whose every decision is authoritative, such as the in-process limiter or the Redis adapter alone. */
    static AttributedRateLimiter authoritative(RateLimiter limiter) {
        return request -> new Attributed(limiter.tryAcquire(request), true);
    }
}
