package io.scaleguard.application.port.in;

import io.scaleguard.application.ratelimit.RatePolicy;
import io.scaleguard.domain.ratelimit.BucketKey;

/** Charge {@code cost} tokens to {@code subject}'s buckets under {@code policy}. */
public record ChargeQuotaCommand(BucketKey subject, RatePolicy policy, long cost) {

    public ChargeQuotaCommand {
        if (subject == null || policy == null || cost < 1) {
            throw new IllegalArgumentException("a charge needs a subject, a policy and a cost of at least 1");
        }
    }
}
