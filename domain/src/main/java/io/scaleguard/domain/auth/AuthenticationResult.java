package io.scaleguard.domain.auth;

/** The outcome of checking credentials; a rejection is a value, so callers map it without try/catch. */
public sealed interface AuthenticationResult {

    record Authenticated(Principal principal) implements AuthenticationResult {
    }

    /** The reason is for logs and metrics only: clients see one answer for every reason. */
    record Rejected(Reason reason) implements AuthenticationResult {
    }

    enum Reason { UNKNOWN_USER, WRONG_PASSWORD, ACCOUNT_DISABLED }
}
