package io.scaleguard.bootstrap.compose;

import io.scaleguard.adapters.postgres.DatabaseSettings;
import io.scaleguard.adapters.postgres.DatabaseSettings.PasswordHashing;
import io.scaleguard.adapters.postgres.PersistenceModule;
import io.scaleguard.bootstrap.config.DatabaseTarget;
import io.scaleguard.bootstrap.config.PasswordHashingConfig;
import io.scaleguard.bootstrap.config.ScaleGuardConfig;
import java.time.Duration;

/** Opens the store the configuration names, with its schema migrated: PostgreSQL, or the embedded default database. */
final class Persistence {

    private static final System.Logger LOG = System.getLogger(Persistence.class.getName());

    static PersistenceModule open(ScaleGuardConfig config) {
        DatabaseTarget target = config.database();
        if (target instanceof DatabaseTarget.Postgres && config.signingKeySecret().isEmpty()) {
            // allowed (keys stored before a secret, tests, a first try), but a shared database deserves sealed keys
            LOG.log(System.Logger.Level.WARNING, "SCALEGUARD_SIGNING_KEY_SECRET is not set: the signing keys' private"
                    + " halves are stored unsealed, and whoever reads the database can sign tokens");
        }
        DatabaseSettings settings = target instanceof DatabaseTarget.Postgres postgres
                ? DatabaseSettings.of(postgres.jdbcUrl(), postgres.user(), postgres.password())
                : DatabaseSettings.embedded(((DatabaseTarget.Embedded) target).dataDirectory());
        PersistenceModule module = PersistenceModule.open(settings.withPasswordHashing(hashing(config.passwordHashing()))
                .withMaxConnections(config.databasePoolSize()).withTimeout(config.databaseTimeout())
                .withSigningKeySecret(config.signingKeySecret().orElse(null)));
        try {
            module.migrate();
            return module;
        } catch (RuntimeException e) {
            module.close();
            throw e;
        }
    }

    private static PasswordHashing hashing(PasswordHashingConfig config) {
        return PasswordHashing.owaspDefaults()
                .withCost(config.memoryKiB(), config.iterations(), config.parallelism())
                // no wait for a slot: a login that would queue is refused at once, and holds no request thread
                .withConcurrency(config.concurrency(), Duration.ZERO);
    }

    private Persistence() {
    }
}
