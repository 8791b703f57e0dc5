package io.scaleguard.domain.ratelimit;

import java.time.Duration;

/**
 * The answer to one {@link RateLimitRequest}; throttling is a value, never an exception.
 *
 * @param allowed    whether the tokens were taken
 * @param remaining  whole tokens left in the deciding bucket after this decision
 * @param retryAfter when refused, how long until the request could succeed; zero when allowed
 * @param resetAfter how long until every bucket of the key is full again
 * @param limit      the most restrictive limit: the one that refused, or the one with the fewest tokens left
 */
public record Decision(boolean allowed, long remaining, Duration retryAfter, Duration resetAfter, Limit limit) {

    public Decision {
        if (remaining < 0 || retryAfter == null || retryAfter.isNegative() || resetAfter == null || resetAfter.isNegative() || limit == null) {
            throw new IllegalArgumentException("a decision needs non-negative remaining, retry-after and reset-after, and a limit");
        }
        if (!allowed && retryAfter.isZero()) {
            throw new IllegalArgumentException("a refusal must say when to retry");
        }
    }

    /** {@code Retry-After} in whole seconds, rounded up so that a client never retries too early; at least 1. */
    public long retryAfterSeconds() {
        return Math.max(1, ceilSeconds(retryAfter));
    }

    /** Whole seconds until every bucket is full again, rounded up: the {@code t} of the {@code RateLimit} header. */
    public long resetAfterSeconds() {
        return ceilSeconds(resetAfter);
    }

    private static long ceilSeconds(Duration d) {
        return d.getSeconds() + (d.getNano() > 0 ? 1 : 0);
    }
}
