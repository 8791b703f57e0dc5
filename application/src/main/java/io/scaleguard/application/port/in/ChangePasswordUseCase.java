package io.scaleguard.application.port.in;

import java.time.Duration;

/**
 * A signed-in user replaces their password. Every refresh token of the user is revoked, so a stolen refresh token
 * dies with the old password; access tokens end at their expiry, minutes away.
 */
public interface ChangePasswordUseCase {

    ChangeResult change(ChangePasswordCommand command);

    sealed interface ChangeResult {
        record Changed() implements ChangeResult {
        }

        /** The current password was wrong, or the account is gone or disabled: one answer for all. */
        record Rejected() implements ChangeResult {
        }

        /** Too many attempts for this account. */
        record Throttled(Duration retryAfter) implements ChangeResult {
        }

        /** Every password-hashing slot is busy: come back shortly. */
        record Busy(Duration retryAfter) implements ChangeResult {
        }
    }
}
