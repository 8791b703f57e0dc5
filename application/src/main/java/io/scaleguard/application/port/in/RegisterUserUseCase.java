package io.scaleguard.application.port.in;

import java.time.Duration;

/** Create an account on the default plan. */
public interface RegisterUserUseCase {

    RegistrationResult register(RegisterUserCommand command);

    sealed interface RegistrationResult {
        record Registered(UserProfile profile) implements RegistrationResult {
        }

        record UsernameTaken() implements RegistrationResult {
        }

        record EmailTaken() implements RegistrationResult {
        }

        /** Every password-hashing slot is busy: come back shortly. */
        record Busy(Duration retryAfter) implements RegistrationResult {
        }
    }
}
