package io.scaleguard.application.authorization;

import io.scaleguard.application.port.in.AuthorizeRequestCommand;
import io.scaleguard.application.port.in.AuthorizeRequestUseCase;
import io.scaleguard.application.port.in.ChargeQuotaCommand;
import io.scaleguard.application.port.in.ChargeQuotaUseCase;
import io.scaleguard.application.port.in.QuotaDecision;
import io.scaleguard.application.port.out.TokenCodec;
import io.scaleguard.application.ratelimit.RatePolicies;
import io.scaleguard.domain.auth.Principal;
import io.scaleguard.domain.ratelimit.BucketKey;

/**
 * Every protected request: verify the access token statelessly (no database call), then charge the request to the
 * user's bucket under the policy of the plan the token names.
 */
public final class AuthorizeRequestService implements AuthorizeRequestUseCase {

    private final TokenCodec codec;
    private final ChargeQuotaUseCase quota;
    private final RatePolicies policies;

    public AuthorizeRequestService(TokenCodec codec, ChargeQuotaUseCase quota, RatePolicies policies) {
        this.codec = codec;
        this.quota = quota;
        this.policies = policies;
    }

    @Override
    public AuthorizationResult authorize(AuthorizeRequestCommand command) {
        if (command.bearerToken() == null) {
            return new AuthorizationResult.Unauthenticated(false, "no bearer token");
        }
        TokenCodec.Verification verification = codec.decode(command.bearerToken());
        if (verification instanceof TokenCodec.Verification.Invalid invalid) {
            return new AuthorizationResult.Unauthenticated(true, invalid.reason());
        }
        Principal principal = ((TokenCodec.Verification.Valid) verification).claims().principal();
        QuotaDecision decision = quota.charge(new ChargeQuotaCommand(BucketKey.of("user", principal.id().toString()),
                policies.forPlan(principal.plan()), command.cost()));
        return decision.refused()
                ? new AuthorizationResult.Throttled(principal, decision)
                : new AuthorizationResult.Authorized(principal, decision);
    }
}
