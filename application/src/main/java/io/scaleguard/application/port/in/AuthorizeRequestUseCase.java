package io.scaleguard.application.port.in;

import io.scaleguard.domain.auth.Principal;

/** Verify the caller's access token, then charge the request to their quota. */
public interface AuthorizeRequestUseCase {

    AuthorizationResult authorize(AuthorizeRequestCommand command);

    sealed interface AuthorizationResult {
        record Authorized(Principal principal, QuotaDecision quota) implements AuthorizationResult {
        }

        record Throttled(Principal principal, QuotaDecision quota) implements AuthorizationResult {
        }

        /** No token, or one that is not acceptable; {@code tokenPresented} picks the RFC 6750 error. */
        record Unauthenticated(boolean tokenPresented, String reason) implements AuthorizationResult {
        }
    }
}
