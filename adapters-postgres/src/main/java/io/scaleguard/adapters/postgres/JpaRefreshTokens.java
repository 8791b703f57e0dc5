package io.scaleguard.adapters.postgres;

import io.scaleguard.adapters.postgres.Transactions.UniqueViolation;
import io.scaleguard.application.port.out.RefreshToken;
import io.scaleguard.application.port.out.RefreshTokens;
import io.scaleguard.domain.auth.UserId;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Refresh tokens in {@code refresh_tokens}, grouped in {@code refresh_token_families}. A use locks the token's row and
 * runs a conditional {@code UPDATE ... WHERE used_at IS NULL}: exactly one of several concurrent callers changes the
 * row, and the row count says which caller that was.
 */
final class JpaRefreshTokens implements RefreshTokens {

    /** A family has ended when its absolute lifetime is over or it was revoked; NULL (never revoked) compares false. */
    private static final String ENDED_BEFORE_CUTOFF = "(f.expiresAt < :cutoff OR f.revokedAt < :cutoff)";
    /** Families purged per transaction: a few milliseconds of indexed deletes, and a bind list any database takes. */
    static final int PURGE_BATCH = 500;

    private final Transactions transactions;
    private final Clock clock;

    JpaRefreshTokens(Transactions transactions, Clock clock) {
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * Stores the token, and its family with it when the family is new. Token hashes are 256-bit random and a family is
     * created by the one save of its login, so a unique violation means the caller stored the same token (or family) a
     * second time: a caller's mistake, reported as {@link IllegalArgumentException} like any other refused argument,
     * not as {@link io.scaleguard.application.port.out.StoreUnavailable}, which would invite a retry that fails alike.
     */
    @Override
    public void save(RefreshToken token) {
        try {
            transactions.insert("save a refresh token", entityManager -> {
                if (entityManager.find(RefreshTokenFamilyJpaEntity.class, token.familyId()) == null) {
                    entityManager.persist(RefreshTokenMapper.toFamilyEntity(token));
                    entityManager.flush();
                }
                entityManager.persist(RefreshTokenMapper.toTokenEntity(token));
                entityManager.flush();
                return null;
            });
        } catch (UniqueViolation duplicate) {
            throw new IllegalArgumentException("this refresh token, or the new family it would create, is stored already");
        }
    }

    @Override
    public Use use(String tokenHash, Instant now) {
        return transactions.write("use a refresh token", entityManager -> {
            // Lock the row first: H2 does not re-check an UPDATE's condition after waiting for another transaction's row
            // lock, so there the conditional UPDATE alone would let several concurrent callers win. Once the row is locked,
            // the UPDATE runs on the latest committed row on both databases, and its row count decides.
            RefreshTokenJpaEntity token = entityManager.find(RefreshTokenJpaEntity.class, tokenHash, LockModeType.PESSIMISTIC_WRITE);
            if (token == null) {
                return new Use.Invalid();
            }
            RefreshTokenFamilyJpaEntity family = entityManager.find(RefreshTokenFamilyJpaEntity.class, token.familyId);
            if (!family.liveAt(now)) {
                return new Use.Invalid();
            }
            int claimed = entityManager
                    .createQuery("UPDATE RefreshTokenJpaEntity t SET t.usedAt = :now WHERE t.tokenHash = :hash AND t.usedAt IS NULL")
                    .setParameter("now", ColumnValues.timestamp(now)).setParameter("hash", tokenHash).executeUpdate();
            RefreshToken stored = RefreshTokenMapper.toToken(token, family);
            return claimed == 1 ? new Use.Fresh(stored) : new Use.Reused(stored);
        });
    }

    @Override
    public void revokeFamily(UUID familyId) {
        transactions.write("revoke a refresh-token family", entityManager -> entityManager
                .createQuery("UPDATE RefreshTokenFamilyJpaEntity f SET f.revokedAt = :now WHERE f.familyId = :family AND f.revokedAt IS NULL")
                .setParameter("now", ColumnValues.timestamp(clock.instant())).setParameter("family", familyId).executeUpdate());
    }

    @Override
    public void revokeAllOf(UserId userId) {
        transactions.write("revoke a user's refresh tokens", entityManager -> entityManager
                .createQuery("UPDATE RefreshTokenFamilyJpaEntity f SET f.revokedAt = :now WHERE f.userId = :user AND f.revokedAt IS NULL")
                .setParameter("now", ColumnValues.timestamp(clock.instant())).setParameter("user", userId.value()).executeUpdate());
    }

    @Override
    public void revokeByHash(String tokenHash) {
        transactions.write("revoke a refresh token", entityManager -> entityManager
                .createQuery("UPDATE RefreshTokenFamilyJpaEntity f SET f.revokedAt = :now WHERE f.revokedAt IS NULL AND f.familyId IN"
                        + " (SELECT t.familyId FROM RefreshTokenJpaEntity t WHERE t.tokenHash = :hash)")
                .setParameter("now", ColumnValues.timestamp(clock.instant())).setParameter("hash", tokenHash).executeUpdate());
    }

    @Override
    public Optional<RefreshToken> byHash(String tokenHash) {
        return transactions.read("find a refresh token", entityManager -> {
            RefreshTokenJpaEntity token = entityManager.find(RefreshTokenJpaEntity.class, tokenHash);
            if (token == null) {
                return Optional.empty();
            }
            RefreshTokenFamilyJpaEntity family = entityManager.find(RefreshTokenFamilyJpaEntity.class, token.familyId);
            return Optional.of(RefreshTokenMapper.toToken(token, family));
        });
    }

    /**
     * Batch after batch until one comes back short, each in a transaction of its own: the ended families' tokens first,
     * as the foreign key wants, then the families. A backlog of millions (a first purge, a purge long switched off)
     * so never holds locks, or runs one statement, for longer than a batch takes; a batch cut short by a failure
     * leaves the earlier ones purged and the rest for the next run.
     */
    @Override
    public int purgeEndedBefore(Instant cutoff) {
        OffsetDateTime at = ColumnValues.timestamp(cutoff);
        int purged = 0;
        Batch batch;
        do {
            batch = purgeBatch(at);
            purged += batch.deleted();
        } while (batch.selected() == PURGE_BATCH);
        return purged;
    }

    /**
     * What one batch found and what it deleted: another replica purging at the same moment may delete some of the same
     * families first, so only a short selection, not a short deletion, means the backlog is gone.
     */
    private record Batch(int selected, int deleted) {
    }

    private Batch purgeBatch(OffsetDateTime cutoff) {
        return transactions.write("purge ended refresh-token families", entityManager -> {
            List<UUID> families = entityManager.createQuery(
                            "SELECT f.familyId FROM RefreshTokenFamilyJpaEntity f WHERE " + ENDED_BEFORE_CUTOFF, UUID.class)
                    .setParameter("cutoff", cutoff).setMaxResults(PURGE_BATCH).getResultList();
            if (families.isEmpty()) {
                return new Batch(0, 0);
            }
            entityManager.createQuery("DELETE FROM RefreshTokenJpaEntity t WHERE t.familyId IN :families")
                    .setParameter("families", families).executeUpdate();
            return new Batch(families.size(), entityManager.createQuery(
                            "DELETE FROM RefreshTokenFamilyJpaEntity f WHERE f.familyId IN :families")
                    .setParameter("families", families).executeUpdate());
        });
    }
}
