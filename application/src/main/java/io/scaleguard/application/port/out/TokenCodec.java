package io.scaleguard.application.port.out;

/** Turns claims into a signed access token and back. Verification never throws for a bad token: it says why. */
public interface TokenCodec {

    String encode(AccessTokenClaims claims);

    Verification decode(String token);

    sealed interface Verification {
        record Valid(AccessTokenClaims claims) implements Verification {
        }

        /** {@code reason} is for logs only; clients see one answer. */
        record Invalid(String reason) implements Verification {
        }
    }
}
