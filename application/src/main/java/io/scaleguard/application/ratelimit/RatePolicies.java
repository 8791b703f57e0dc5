package io.scaleguard.application.ratelimit;

import io.scaleguard.domain.auth.Plan;
import io.scaleguard.domain.ratelimit.Limit;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Every policy by name. A plan uses the policy of its own name, or the {@code default} policy when it has none;
 * {@code login-username} and {@code login-ip} throttle password attempts.
 */
public final class RatePolicies {

    public static final String DEFAULT = "default";
    public static final String LOGIN_USERNAME = "login-username";
    public static final String LOGIN_IP = "login-ip";

    private final Map<String, RatePolicy> byName;

    public RatePolicies(Collection<RatePolicy> policies) {
        Map<String, RatePolicy> map = new LinkedHashMap<>();
        for (RatePolicy policy : policies) {
            if (map.put(policy.name(), policy) != null) {
                throw new IllegalArgumentException("policy '" + policy.name() + "' is defined twice");
            }
        }
        for (String required : new String[] {DEFAULT, LOGIN_USERNAME, LOGIN_IP}) {
            if (!map.containsKey(required)) {
                throw new IllegalArgumentException("policy '" + required + "' is required");
            }
        }
        this.byName = Map.copyOf(map);
    }

    /**
     * The built-in set: the default plan from its capacity and refill, ten login attempts per username (then one
     * every 10 s) and thirty per client IP (then one a second).
     */
    public static RatePolicies standard(long capacity, String refillPerSecond) {
        return new RatePolicies(java.util.List.of(
                new RatePolicy(DEFAULT, java.util.List.of(Limit.perSecond("burst", capacity, refillPerSecond)), false),
                new RatePolicy(LOGIN_USERNAME, java.util.List.of(Limit.perSecond("attempts", 10, "0.1")), false),
                new RatePolicy(LOGIN_IP, java.util.List.of(Limit.perSecond("attempts", 30, "1")), false)));
    }

    /** The policy of a plan: the one of its name, or {@code default}; never a login policy, which no plan may have. */
    public RatePolicy forPlan(Plan plan) {
        return isPlan(plan.name()) ? byName.get(plan.name()) : byName.get(DEFAULT);
    }

    /** Whether a user may be put on this plan: a policy of that name exists and it is not a login policy. */
    public boolean isPlan(String name) {
        return byName.containsKey(name) && !name.equals(LOGIN_USERNAME) && !name.equals(LOGIN_IP);
    }

    /** The plans users may be put on, for an operator's error message. */
    public java.util.List<String> planNames() {
        return byName.keySet().stream().filter(this::isPlan).sorted().toList();
    }

    public Optional<RatePolicy> byName(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    public RatePolicy require(String name) {
        return byName(name).orElseThrow(() -> new IllegalArgumentException("no policy named '" + name + "'"));
    }

    public Collection<RatePolicy> all() {
        return byName.values();
    }
}
