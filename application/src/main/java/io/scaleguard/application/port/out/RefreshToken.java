package io.scaleguard.application.port.out;

import io.scaleguard.domain.auth.UserId;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * One refresh token as stored: only the SHA-256 of the opaque token (hex), never the token.
 * Tokens of one login share a {@code familyId}; the family ends at {@code familyExpiresAt} whatever rotations happen.
 */
public record RefreshToken(String tokenHash, UUID familyId, UserId userId, Set<String> scopes, Instant issuedAt,
                           Instant familyExpiresAt) {

    public RefreshToken {
        if (tokenHash == null || !tokenHash.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("a refresh token is stored as the lower-case hex SHA-256 of the token");
        }
        if (familyId == null || userId == null || issuedAt == null || familyExpiresAt == null) {
            throw new IllegalArgumentException("a refresh token needs a family, a user, and issue and expiry times");
        }
        scopes = scopes == null ? Set.of() : Set.copyOf(scopes);
    }
}
