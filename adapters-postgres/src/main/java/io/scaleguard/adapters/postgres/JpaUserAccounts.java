package io.scaleguard.adapters.postgres;

import io.scaleguard.adapters.postgres.Transactions.UniqueViolation;
import io.scaleguard.application.port.out.UserAccount;
import io.scaleguard.application.port.out.UserAccounts;
import io.scaleguard.domain.auth.Plan;
import io.scaleguard.domain.auth.UserId;
import io.scaleguard.domain.auth.Username;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Accounts in {@code user_accounts}. Uniqueness is the database's: unique constraints on the (lower-case) username and
 * e-mail decide every race, and a violation becomes {@link AddResult.UsernameTaken} or {@link AddResult.EmailTaken}.
 */
final class JpaUserAccounts implements UserAccounts {

    private final Transactions transactions;

    JpaUserAccounts(Transactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public AddResult add(UserAccount account) {
        UserJpaEntity entity = UserAccountMapper.toEntity(account);
        try {
            return transactions.insert("add an account", entityManager -> {
                // Checking first answers the common case without a failed statement; the constraint decides races.
                Optional<AddResult> taken = takenField(entityManager, account);
                if (taken.isPresent()) {
                    return taken.get();
                }
                entityManager.persist(entity);
                entityManager.flush();
                return new AddResult.Added(UserAccountMapper.toAccount(entity));
            });
        } catch (UniqueViolation raced) {
            // A concurrent registration committed the same username or e-mail between the check and the insert.
            return transactions.read("check which account field is taken", entityManager -> takenField(entityManager, account))
                    .orElseThrow(() -> new IllegalArgumentException("an account with id " + account.id() + " exists"));
        }
    }

    /** Which unique field of the account is taken by another row, the username first. */
    private static Optional<AddResult> takenField(EntityManager entityManager, UserAccount account) {
        String username = account.username().value();
        List<String> holders = entityManager
                .createQuery("SELECT u.username FROM UserJpaEntity u WHERE u.username = :username OR u.email = :email", String.class)
                .setParameter("username", username).setParameter("email", account.email().value()).getResultList();
        if (holders.contains(username)) {
            return Optional.of(new AddResult.UsernameTaken());
        }
        return holders.isEmpty() ? Optional.empty() : Optional.of(new AddResult.EmailTaken());
    }

    @Override
    public Optional<UserAccount> byUsername(Username username) {
        return transactions.read("find an account", entityManager -> entityManager
                .createQuery("SELECT u FROM UserJpaEntity u WHERE u.username = :username", UserJpaEntity.class)
                .setParameter("username", username.value()).getResultStream().findFirst().map(UserAccountMapper::toAccount));
    }

    @Override
    public Optional<UserAccount> byId(UserId id) {
        return transactions.read("find an account", entityManager ->
                Optional.ofNullable(entityManager.find(UserJpaEntity.class, id.value())).map(UserAccountMapper::toAccount));
    }

    @Override
    public void updatePasswordHash(UserId id, String passwordHash) {
        transactions.write("replace a password hash", entityManager -> entityManager
                .createQuery("UPDATE UserJpaEntity u SET u.passwordHash = :hash WHERE u.id = :id")
                .setParameter("hash", passwordHash).setParameter("id", id.value()).executeUpdate());
    }

    @Override
    public boolean setPlan(Username username, Plan plan) {
        return transactions.write("change a plan", entityManager -> entityManager
                .createQuery("UPDATE UserJpaEntity u SET u.plan = :plan WHERE u.username = :username")
                .setParameter("plan", plan.name()).setParameter("username", username.value()).executeUpdate()) == 1;
    }

    @Override
    public boolean setDisabled(Username username, boolean disabled) {
        return transactions.write("disable or enable an account", entityManager -> entityManager
                .createQuery("UPDATE UserJpaEntity u SET u.disabled = :disabled WHERE u.username = :username")
                .setParameter("disabled", disabled).setParameter("username", username.value()).executeUpdate()) == 1;
    }

    /**
     * Records a successful login and, when the hash was made with old parameters, stores its replacement in the same
     * transaction. The replacement only lands while the stored hash is still the one that was verified, so a password
     * changed meanwhile is never overwritten by the old password's re-hash.
     */
    void recordLogin(UserId id, Instant at, String verifiedHash, Optional<String> rehash) {
        transactions.write("record a login", entityManager -> {
            // This UPDATE locks the row, so the comparison below runs on the latest committed hash on both databases
            // (H2 does not re-check a condition after waiting for a row lock; see JpaRefreshTokens.use).
            entityManager.createQuery("UPDATE UserJpaEntity u SET u.lastLoginAt = :at WHERE u.id = :id")
                    .setParameter("at", ColumnValues.timestamp(at)).setParameter("id", id.value()).executeUpdate();
            rehash.ifPresent(hash -> entityManager
                    .createQuery("UPDATE UserJpaEntity u SET u.passwordHash = :hash WHERE u.id = :id AND u.passwordHash = :verified")
                    .setParameter("hash", hash).setParameter("id", id.value()).setParameter("verified", verifiedHash).executeUpdate());
            return null;
        });
    }
}
