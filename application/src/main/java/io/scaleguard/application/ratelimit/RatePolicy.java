package io.scaleguard.application.ratelimit;

import io.scaleguard.domain.ratelimit.Limit;
import io.scaleguard.domain.ratelimit.RateLimitRequest;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A named set of limits charged together. A policy in shadow mode is decided and counted but never enforced,
 * so a new limit can be watched in production before it bites.
 */
public record RatePolicy(String name, List<Limit> limits, boolean shadow) {

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,31}");

    public RatePolicy {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("policy name must be 1-32 characters of a-z, 0-9, '_' or '-': " + name);
        }
        if (limits == null || limits.isEmpty() || limits.size() > RateLimitRequest.MAX_LIMITS) {
            throw new IllegalArgumentException("policy '" + name + "' needs 1 to " + RateLimitRequest.MAX_LIMITS + " limits");
        }
        limits = List.copyOf(limits);
        if (limits.stream().map(Limit::name).distinct().count() != limits.size()) {
            throw new IllegalArgumentException("policy '" + name + "' names a limit twice");
        }
    }
}
