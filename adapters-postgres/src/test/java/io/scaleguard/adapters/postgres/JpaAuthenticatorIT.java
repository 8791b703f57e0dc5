package io.scaleguard.adapters.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scaleguard.application.port.out.PasswordHashingBusy;
import io.scaleguard.application.port.out.UserAccount;
import io.scaleguard.application.testing.Accounts;
import io.scaleguard.application.testing.FakePasswordHasher;
import io.scaleguard.domain.auth.AuthenticationResult;
import io.scaleguard.domain.auth.AuthenticationResult.Reason;
import io.scaleguard.domain.auth.Credentials;
import io.scaleguard.domain.auth.Password;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What the JPA authenticator does beyond the contract, on PostgreSQL: one hash per outcome, re-hashing on a successful
 * login within the login's transaction, never over a password changed meanwhile, and its login bookkeeping.
 */
class JpaAuthenticatorIT {

    private static final Password PASSWORD = new Password("correct horse battery staple");
    private static final Instant LOGIN_TIME = Instant.parse("2026-06-01T08:15:30.123456Z");

    private static TestDatabase.Schema schema;
    private static EntityManagerFactory factory;
    private static JpaUserAccounts accounts;

    @BeforeAll
    static void migrateAndOpen() {
        schema = TestDatabase.freshSchema();
        try (PersistenceModule module = PersistenceModule.open(schema.settings())) {
            module.migrate();
        }
        factory = Persistence.createEntityManagerFactory(ConnectionSettings.PERSISTENCE_UNIT,
                ConnectionSettings.persistenceProperties(schema.settings()));
        accounts = new JpaUserAccounts(new Transactions(factory));
    }

    @AfterAll
    static void closeAndDrop() {
        factory.close();
        schema.close();
    }

    private static UserAccount stored(String passwordHash, boolean disabled) {
        UserAccount account = Accounts.account(passwordHash);
        accounts.add(account);
        if (disabled) {
            accounts.setDisabled(account.username(), true);
        }
        return account;
    }

    private static Optional<Object> lastLoginOf(UserAccount account) throws Exception {
        return SqlProbe.column(schema.settings(), "SELECT last_login_at FROM user_accounts WHERE id = ?", account.id().value())
                .stream().filter(java.util.Objects::nonNull).findFirst();
    }

    @Test
    void verifiesExactlyOneHashForEveryOutcome() {
        FakePasswordHasher hasher = new FakePasswordHasher();
        JpaAuthenticator authenticator = new JpaAuthenticator(accounts, hasher, Clock.systemUTC());
        UserAccount active = stored(hasher.hash(PASSWORD), false);
        UserAccount disabled = stored(hasher.hash(PASSWORD), true);
        Credentials[] attempts = {new Credentials(Accounts.uniqueUsername(), PASSWORD),
                new Credentials(active.username(), new Password("not the password")),
                new Credentials(disabled.username(), PASSWORD), new Credentials(active.username(), PASSWORD)};
        Reason[] expected = {Reason.UNKNOWN_USER, Reason.WRONG_PASSWORD, Reason.ACCOUNT_DISABLED, null};
        for (int i = 0; i < attempts.length; i++) {
            int before = hasher.verifications();
            AuthenticationResult result = authenticator.authenticate(attempts[i]);
            assertThat(hasher.verifications()).as("hashes verified for attempt %d", i).isEqualTo(before + 1);
            assertThat(result).isEqualTo(expected[i] == null ? new AuthenticationResult.Authenticated(active.principal())
                    : new AuthenticationResult.Rejected(expected[i]));
        }
    }

    @Test
    void reHashesWithTheCurrentParametersOnASuccessfulLoginAndStoresTheNewHash() throws Exception {
        Argon2idPasswordHasher old = hasherWithCost(64);
        Argon2idPasswordHasher current = hasherWithCost(128);
        UserAccount account = stored(old.hash(PASSWORD), false);
        JpaAuthenticator authenticator = new JpaAuthenticator(accounts, current, Clock.fixed(LOGIN_TIME, ZoneOffset.UTC));

        assertThat(authenticator.authenticate(new Credentials(account.username(), PASSWORD)))
                .isEqualTo(new AuthenticationResult.Authenticated(account.principal()));

        String rehashed = accounts.byId(account.id()).orElseThrow().passwordHash();
        assertThat(rehashed).startsWith("$argon2id$v=19$m=128,t=1,p=1$");
        assertThat(current.needsRehash(rehashed)).isFalse();
        assertThat(current.verify(PASSWORD, rehashed)).isTrue();
        assertThat(lastLoginOf(account)).hasValueSatisfying(at -> assertThat(instant(at)).isEqualTo(LOGIN_TIME));
    }

    @Test
    void keepsTheHashWhenItsParametersAreCurrent() {
        Argon2idPasswordHasher current = hasherWithCost(64);
        UserAccount account = stored(current.hash(PASSWORD), false);
        new JpaAuthenticator(accounts, current, Clock.systemUTC()).authenticate(new Credentials(account.username(), PASSWORD));
        assertThat(accounts.byId(account.id()).orElseThrow().passwordHash()).isEqualTo(account.passwordHash());
    }

    @Test
    void aRejectedLoginChangesNothing() throws Exception {
        Argon2idPasswordHasher old = hasherWithCost(64);
        UserAccount account = stored(old.hash(PASSWORD), false);
        new JpaAuthenticator(accounts, hasherWithCost(128), Clock.systemUTC())
                .authenticate(new Credentials(account.username(), new Password("not the password")));
        assertThat(accounts.byId(account.id()).orElseThrow().passwordHash()).isEqualTo(account.passwordHash());
        assertThat(lastLoginOf(account)).isEmpty();
    }

    @Test
    void aReHashNeverOverwritesAPasswordChangedSinceTheVerification() {
        UserAccount account = stored("$argon2id$verified-old", false);
        accounts.updatePasswordHash(account.id(), "$argon2id$changed-meanwhile");
        accounts.recordLogin(account.id(), LOGIN_TIME, "$argon2id$verified-old", Optional.of("$argon2id$rehash-of-old"));
        assertThat(accounts.byId(account.id()).orElseThrow().passwordHash()).isEqualTo("$argon2id$changed-meanwhile");
    }

    @Test
    void letsHashingSaturationThroughForTheCallerToAnswer503() {
        FakePasswordHasher hasher = new FakePasswordHasher();
        JpaAuthenticator authenticator = new JpaAuthenticator(accounts, hasher, Clock.systemUTC());
        UserAccount account = stored(hasher.hash(PASSWORD), false);
        hasher.saturate(true);
        assertThatThrownBy(() -> authenticator.authenticate(new Credentials(account.username(), PASSWORD)))
                .isInstanceOf(PasswordHashingBusy.class);
    }

    private static Argon2idPasswordHasher hasherWithCost(int memoryKiB) {
        DatabaseSettings.PasswordHashing cost = TestDatabase.FAST_HASHING.withCost(memoryKiB, 1, 1);
        return new Argon2idPasswordHasher(cost, new HashingSlots(cost.maxConcurrentHashes(), cost.slotWait()));
    }

    private static Instant instant(Object column) {
        return column instanceof Timestamp timestamp ? timestamp.toInstant() : ((java.time.OffsetDateTime) column).toInstant();
    }
}
