package io.scaleguard.application.port.in;

/**
 * Disable (or enable again) an account. A disabled account cannot log in and its refresh tokens are revoked; access
 * tokens already issued end at their expiry, minutes away, since they are verified without a database call.
 */
public interface DisableUserUseCase {

    /** @return false when there is no such user */
    boolean disable(DisableUserCommand command);
}
