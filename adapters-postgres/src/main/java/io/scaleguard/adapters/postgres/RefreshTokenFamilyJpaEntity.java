package io.scaleguard.adapters.postgres;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A row of {@code refresh_token_families}: the tokens of one login. Revoking or expiring the family ends every token in
 * it with one row change.
 */
@Entity
@Table(name = "refresh_token_families")
class RefreshTokenFamilyJpaEntity {

    @Id
    @Column(name = "family_id")
    UUID familyId;

    @Column(name = "user_id", nullable = false)
    UUID userId;

    @Column(name = "expires_at", nullable = false)
    OffsetDateTime expiresAt;

    @Column(name = "revoked_at")
    OffsetDateTime revokedAt;

    protected RefreshTokenFamilyJpaEntity() {
    }

    boolean liveAt(Instant now) {
        return revokedAt == null && expiresAt.toInstant().isAfter(now);
    }
}
