package io.scaleguard.adapters.postgres;

import io.scaleguard.application.port.out.HealthCheck;
import io.scaleguard.application.port.out.PasswordHasher;
import io.scaleguard.application.port.out.RefreshTokens;
import io.scaleguard.application.port.out.SigningKeys;
import io.scaleguard.application.port.out.StoreUnavailable;
import io.scaleguard.application.port.out.UserAccounts;
import io.scaleguard.domain.auth.Authenticator;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import jakarta.persistence.PersistenceException;
import java.time.Clock;
import java.time.Duration;
import java.util.function.IntSupplier;

/**
 * The persistence adapter as the composition root sees it: one {@link EntityManagerFactory} (EclipseLink,
 * RESOURCE_LOCAL, its internal pool) over PostgreSQL or the embedded H2 database, the Liquibase migrations, and the
 * stores, hasher, authenticator and health check built on them.
 *
 * <p>{@link #open} does not connect; the first call that needs the database does. Call {@link #migrate()} at start-up,
 * before serving. Every store method reports a database failure as {@link StoreUnavailable}.
 */
public final class PersistenceModule implements AutoCloseable {

    /** At most this long for a readiness answer, however long ordinary calls may wait. */
    private static final Duration HEALTH_BUDGET = Duration.ofSeconds(2);

    private final DatabaseSettings settings;
    private final EntityManagerFactory factory;
    private final DatabaseHealth health;
    private final JpaUserAccounts userAccounts;
    private final JpaRefreshTokens refreshTokens;
    private final JpaSigningKeys signingKeys;
    private final Argon2idPasswordHasher passwordHasher;
    private final JpaAuthenticator authenticator;

    private PersistenceModule(DatabaseSettings settings, EntityManagerFactory factory) {
        this.settings = settings;
        this.factory = factory;
        Clock clock = Clock.systemUTC();
        Transactions transactions = new Transactions(factory);
        this.health = new DatabaseHealth(transactions, min(settings.timeout(), HEALTH_BUDGET));
        this.userAccounts = new JpaUserAccounts(transactions);
        this.refreshTokens = new JpaRefreshTokens(transactions, clock);
        this.signingKeys = new JpaSigningKeys(transactions, new PrivateKeySealing(settings.signingKeySecret()));
        DatabaseSettings.PasswordHashing hashing = settings.passwordHashing();
        this.passwordHasher = new Argon2idPasswordHasher(hashing, new HashingSlots(hashing.maxConcurrentHashes(), hashing.slotWait()));
        this.authenticator = new JpaAuthenticator(userAccounts, passwordHasher, clock);
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /**
     * The module over these settings. For the embedded database the data directory is first made owner-only and H2's
     * AUTO_SERVER port kept to the loopback interface; either failing is a {@link StoreUnavailable} that says why.
     */
    public static PersistenceModule open(DatabaseSettings requested) {
        if (requested.isEmbedded()) {
            DataDirectory.secure(requested.dataDirectory());
            AutoServerAddress.requireLoopback();
        }
        DatabaseSettings settings = EmbeddedCredentials.resolve(requested);
        EntityManagerFactory factory;
        try {
            factory = Persistence.createEntityManagerFactory(ConnectionSettings.PERSISTENCE_UNIT,
                    ConnectionSettings.persistenceProperties(settings));
        } catch (PersistenceException e) {
            throw new StoreUnavailable("the persistence unit for the " + settings.description() + " could not be set up", e);
        }
        try {
            return new PersistenceModule(settings, factory);
        } catch (RuntimeException e) {
            factory.close();
            throw e;
        }
    }

    /**
     * Brings the schema up to date. Safe when several replicas or processes start at once: one migrates while the
     * others wait, then find nothing left to do.
     */
    public void migrate() {
        Migrations.run(settings);
    }

    public UserAccounts userAccounts() {
        return userAccounts;
    }

    public RefreshTokens refreshTokens() {
        return refreshTokens;
    }

    public SigningKeys signingKeys() {
        return signingKeys;
    }

    /** Argon2id with the configured cost; at most the configured number of hashes run at once. */
    public PasswordHasher passwordHasher() {
        return passwordHasher;
    }

    public Authenticator authenticator() {
        return authenticator;
    }

    /** {@code database}: a short query within two seconds (or the configured timeout if shorter); never hangs or throws. */
    public HealthCheck health() {
        return health;
    }

    /** Password hashes running or waiting for a slot, for a metrics gauge of the hashing queue. */
    public IntSupplier passwordHashesInFlight() {
        return passwordHasher::inFlight;
    }

    @Override
    public void close() {
        health.close();
        if (factory.isOpen()) {
            factory.close();
        }
    }

    @Override
    public String toString() {
        return settings.description();
    }
}
