package io.scaleguard.application.port.in;

/**
 * Make a new signing key the one that signs; older keys keep verifying until every token they signed has expired,
 * then retire.
 */
public interface RotateSigningKeyUseCase {

    RotatedKey rotate(RotateSigningKeyCommand command);

    /** @param newKeyId the key that signs from now on */
    record RotatedKey(String newKeyId) {
    }
}
