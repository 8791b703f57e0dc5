package io.scaleguard.adapters.postgres;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A row of {@code refresh_tokens}, keyed by the token's SHA-256; {@code usedAt} is set once, atomically. */
@Entity
@Table(name = "refresh_tokens")
class RefreshTokenJpaEntity {

    @Id
    @Column(name = "token_hash", length = 64)
    String tokenHash;

    @Column(name = "family_id", nullable = false)
    UUID familyId;

    /** Space-separated, sorted. */
    @Column(name = "scopes", nullable = false, length = 1024)
    String scopes;

    @Column(name = "issued_at", nullable = false)
    OffsetDateTime issuedAt;

    @Column(name = "used_at")
    OffsetDateTime usedAt;

    protected RefreshTokenJpaEntity() {
    }
}
