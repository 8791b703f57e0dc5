package io.scaleguard.domain.ratelimit;

import java.time.Duration;
import java.util.List;

/**
 * The token-bucket maths, as a pure function of (stored state, request, now).
 *
 * <p>This is the reference model: the in-process limiter runs it directly, and the Redis Lua script is a
 * line-for-line port of it that property tests hold to the same decisions. All arithmetic is on integers
 * below 2^53 (see {@link Limit}), so Lua's doubles give the same results as Java's longs.
 */
public final class TokenBucket {

    private TokenBucket() {
    }

    /** What a decision leaves behind: the state to store ({@code null}: leave the stored state as it was) and the decision. */
    public record Outcome(BucketState stateToStore, Decision decision) {

        /** How long the stored state must live: until every bucket is full again, when no state means the same thing. */
        public Duration timeToLive() {
            return decision.resetAfter();
        }
    }

    /**
     * Decides a request against {@code stored} (may be {@code null} for a key never seen or expired) at {@code nowMicros}.
     * Time never runs backwards for a key: a clock behind the stored update time counts as that time.
     */
    public static Outcome decide(BucketState stored, RateLimitRequest request, long nowMicros) {
        List<Limit> limits = request.limits();
        int n = limits.size();
        boolean fresh = stored == null || stored.size() != n;
        long now = fresh ? nowMicros : Math.max(nowMicros, stored.updatedAtMicros());

        long[] levels = new long[n];
        boolean allowed = true;
        for (int i = 0; i < n; i++) {
            Limit limit = limits.get(i);
            levels[i] = fresh ? limit.capacityUnits() : refill(limit, stored.level(i), now - stored.updatedAtMicros());
            if (levels[i] < request.cost() * limit.unitsPerToken()) {
                allowed = false;
            }
        }
        if (allowed) {
            for (int i = 0; i < n; i++) {
                levels[i] -= request.cost() * limits.get(i).unitsPerToken();
            }
        }
        Decision decision = describe(limits, levels, request.cost(), allowed);
        // A refusal changes nothing: refilling later from the old time gives the same levels as storing them now.
        return new Outcome(allowed ? new BucketState(now, levels) : null, decision);
    }

    private static long refill(Limit limit, long level, long elapsedMicros) {
        long missing = limit.capacityUnits() - level;
        if (missing <= 0) {
            return limit.capacityUnits();
        }
        // Clamp the elapsed time before multiplying, so the product stays below 2^53.
        long fillMicros = Limit.ceilDiv(missing, limit.refillUnitsPerMicro());
        long elapsed = Math.min(elapsedMicros, fillMicros);
        return Math.min(limit.capacityUnits(), level + elapsed * limit.refillUnitsPerMicro());
    }

    private static Decision describe(List<Limit> limits, long[] levels, long cost, boolean allowed) {
        int deciding = 0;
        long longestRetry = 0;
        long fewestRemaining = Long.MAX_VALUE;
        long longestReset = 0;
        for (int i = 0; i < limits.size(); i++) {
            Limit limit = limits.get(i);
            long remaining = levels[i] / limit.unitsPerToken();
            long reset = Limit.ceilDiv(limit.capacityUnits() - levels[i], limit.refillUnitsPerMicro());
            long retry = allowed ? 0 : Limit.ceilDiv(Math.max(0, cost * limit.unitsPerToken() - levels[i]), limit.refillUnitsPerMicro());
            longestReset = Math.max(longestReset, reset);
            boolean moreRestrictive = allowed ? remaining < fewestRemaining : retry > longestRetry;
            if (moreRestrictive) {
                deciding = i;
                longestRetry = retry;
                fewestRemaining = remaining;
            }
        }
        return new Decision(allowed, levels[deciding] / limits.get(deciding).unitsPerToken(),
                Duration.ofNanos(longestRetry * 1_000), Duration.ofNanos(longestReset * 1_000), limits.get(deciding));
    }
}
