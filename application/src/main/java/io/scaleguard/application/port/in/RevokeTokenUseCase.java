package io.scaleguard.application.port.in;

/** Revoke a refresh token and its whole family. Unknown tokens are ignored, as RFC 7009 asks. */
public interface RevokeTokenUseCase {

    void revoke(RevokeTokenCommand command);
}
