package io.scaleguard.application.quota;

import io.scaleguard.application.port.in.ChargeQuotaCommand;
import io.scaleguard.application.port.in.ChargeQuotaUseCase;
import io.scaleguard.application.port.in.QuotaDecision;
import io.scaleguard.application.port.out.RateLimitEvents;
import io.scaleguard.application.port.out.RateLimitEvents.Outcome;
import io.scaleguard.application.ratelimit.RatePolicy;
import io.scaleguard.domain.ratelimit.Decision;
import io.scaleguard.domain.ratelimit.RateLimitRequest;
import io.scaleguard.domain.ratelimit.RateLimiter;

/** Charges a policy's limits in one decision and counts the outcome. */
public final class ChargeQuotaService implements ChargeQuotaUseCase {

    private final RateLimiter limiter;
    private final RateLimitEvents events;

    public ChargeQuotaService(RateLimiter limiter, RateLimitEvents events) {
        this.limiter = limiter;
        this.events = events;
    }

    @Override
    public QuotaDecision charge(ChargeQuotaCommand command) {
        RatePolicy policy = command.policy();
        Decision decision = limiter.tryAcquire(new RateLimitRequest(command.subject(), policy.limits(), command.cost()));
        events.decided(policy.name(), decision.allowed() ? Outcome.ALLOWED : policy.shadow() ? Outcome.SHADOW_REFUSED : Outcome.REFUSED);
        return new QuotaDecision(policy, decision);
    }
}
