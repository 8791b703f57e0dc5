package io.scaleguard.application.port.in;

import io.scaleguard.application.ratelimit.RatePolicy;
import io.scaleguard.domain.ratelimit.Decision;

/** A limiter decision under a policy; {@link #refused()} is what callers enforce (shadow policies never refuse). */
public record QuotaDecision(RatePolicy policy, Decision decision) {

    public boolean refused() {
        return !decision.allowed() && !policy.shadow();
    }
}
