package io.scaleguard.domain.ratelimit;

import java.util.HashSet;
import java.util.List;

/**
 * Take {@code cost} tokens from the bucket of {@code key} under every one of {@code limits} at once:
 * all of them or none.
 */
public record RateLimitRequest(BucketKey key, List<Limit> limits, long cost) {

    /** Keeps one decision to a handful of buckets, so a Lua call stays short. */
    public static final int MAX_LIMITS = 8;

    public RateLimitRequest {
        if (key == null) {
            throw new IllegalArgumentException("a rate-limit request needs a bucket key");
        }
        if (limits == null || limits.isEmpty() || limits.size() > MAX_LIMITS) {
            throw new IllegalArgumentException("a rate-limit request needs 1 to " + MAX_LIMITS + " limits");
        }
        limits = List.copyOf(limits);
        if (new HashSet<>(limits.stream().map(Limit::name).toList()).size() != limits.size()) {
            throw new IllegalArgumentException("limit names must be unique within one request");
        }
        if (cost < 1) {
            throw new IllegalArgumentException("cost must be at least 1, was " + cost);
        }
        for (Limit limit : limits) {
            if (cost > limit.capacity()) {
                throw new IllegalArgumentException("cost " + cost + " exceeds the capacity of limit '" + limit.name()
                        + "' (" + limit.capacity() + "): it could never be admitted");
            }
        }
    }

    public static RateLimitRequest of(BucketKey key, Limit limit) {
        return new RateLimitRequest(key, List.of(limit), 1);
    }
}
