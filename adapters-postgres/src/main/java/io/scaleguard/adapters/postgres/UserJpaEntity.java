package io.scaleguard.adapters.postgres;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A row of {@code user_accounts}; {@link UserAccountMapper} turns it into the application's record and back. */
@Entity
@Table(name = "user_accounts")
class UserJpaEntity {

    @Id
    @Column(name = "id")
    UUID id;

    @Column(name = "username", nullable = false, length = 32)
    String username;

    @Column(name = "email", nullable = false, length = 254)
    String email;

    @Column(name = "password_hash", nullable = false, length = 512)
    String passwordHash;

    @Column(name = "plan_name", nullable = false, length = 32)
    String plan;

    /** Space-separated, sorted. */
    @Column(name = "roles", nullable = false, length = 1024)
    String roles;

    @Column(name = "disabled", nullable = false)
    boolean disabled;

    @Column(name = "created_at", nullable = false)
    OffsetDateTime createdAt;

    @Column(name = "last_login_at")
    OffsetDateTime lastLoginAt;

    protected UserJpaEntity() {
    }
}
