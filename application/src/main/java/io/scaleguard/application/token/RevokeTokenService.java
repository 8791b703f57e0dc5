package io.scaleguard.application.token;

import io.scaleguard.application.port.in.RevokeTokenCommand;
import io.scaleguard.application.port.in.RevokeTokenUseCase;
import io.scaleguard.application.port.out.RefreshTokens;

/**
 * RFC 7009 revocation of refresh tokens: the presented token's whole family ends. Anything else (an unknown token,
 * an access token, which is stateless and ends at its expiry) is silently accepted, as the RFC asks.
 */
public final class RevokeTokenService implements RevokeTokenUseCase {

    private final RefreshTokens refreshTokens;

    public RevokeTokenService(RefreshTokens refreshTokens) {
        this.refreshTokens = refreshTokens;
    }

    @Override
    public void revoke(RevokeTokenCommand command) {
        if (OpaqueTokens.wellFormed(command.token())) {
            refreshTokens.revokeByHash(OpaqueTokens.hash(command.token()));
        }
    }
}
