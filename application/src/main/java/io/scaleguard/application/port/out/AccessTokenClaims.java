package io.scaleguard.application.port.out;

import io.scaleguard.domain.auth.Plan;
import io.scaleguard.domain.auth.Principal;
import io.scaleguard.domain.auth.UserId;
import io.scaleguard.domain.auth.Username;
import java.time.Instant;
import java.util.Set;

/** What an access token says, independent of how it is encoded (RFC 9068 claims plus plan and roles). */
public record AccessTokenClaims(UserId subject, Username username, Plan plan, Set<String> roles, Set<String> scopes,
                                String tokenId, Instant issuedAt, Instant expiresAt) {

    public AccessTokenClaims {
        if (subject == null || username == null || plan == null || tokenId == null || issuedAt == null || expiresAt == null) {
            throw new IllegalArgumentException("access-token claims need subject, username, plan, id and times");
        }
        roles = roles == null ? Set.of() : Set.copyOf(roles);
        scopes = scopes == null ? Set.of() : Set.copyOf(scopes);
    }

    public Principal principal() {
        return new Principal(subject, username, plan, roles);
    }
}
