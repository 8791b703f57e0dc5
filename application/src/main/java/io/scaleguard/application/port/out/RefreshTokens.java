package io.scaleguard.application.port.out;

import io.scaleguard.domain.auth.UserId;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Where refresh tokens are kept, by the hash of the token. */
public interface RefreshTokens {

    void save(RefreshToken token);

    /**
     * Marks the token used, atomically: exactly one of several concurrent callers gets {@link Use.Fresh}; every later
     * caller gets {@link Use.Reused} (rotation theft) and an unknown, revoked or expired token gives {@link Use.Invalid}.
     */
    Use use(String tokenHash, Instant now);

    /** Revokes every token of the family. */
    void revokeFamily(UUID familyId);

    /** Revokes every token of the user, for example on a password change. */
    void revokeAllOf(UserId userId);

    /** Revokes the family of the token with this hash, if there is one; unknown hashes are ignored. */
    void revokeByHash(String tokenHash);

    Optional<RefreshToken> byHash(String tokenHash);

    /**
     * Deletes every family, with its tokens, that ended (reached its absolute lifetime, or was revoked) before
     * {@code cutoff}: none of its tokens can ever be fresh again, so the rows only cost space.
     *
     * @return how many families were deleted
     */
    int purgeEndedBefore(Instant cutoff);

    sealed interface Use {
        record Fresh(RefreshToken token) implements Use {
        }

        record Reused(RefreshToken token) implements Use {
        }

        record Invalid() implements Use {
        }
    }
}
