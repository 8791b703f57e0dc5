package io.scaleguard.application.port.in;

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
    }
}
