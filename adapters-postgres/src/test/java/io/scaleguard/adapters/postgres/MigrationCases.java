package io.scaleguard.adapters.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.scaleguard.application.port.out.UserAccounts.AddResult;
import io.scaleguard.application.testing.Accounts;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** What migrations must do on either database; {@link MigrationsIT} runs these on PostgreSQL and on the embedded one. */
abstract class MigrationCases {

    private static final int REPLICAS = 6;

    /** Settings for a database (or schema) no one has migrated yet. */
    protected abstract DatabaseSettings freshDatabase();

    /** The database's name of a column's type, as its information schema says it. */
    protected abstract String columnType(DatabaseSettings settings, String table, String column) throws Exception;

    protected abstract String expectedInstantType();

    /** The first column of every index of a table, lower case, as the database's catalogue says it. */
    protected abstract List<String> leadingIndexColumns(DatabaseSettings settings, String table) throws Exception;

    @Test
    void replicasMigratingAFreshDatabaseAtOnceAllSucceedAndEachChangeSetRunsOnce() throws Exception {
        DatabaseSettings settings = freshDatabase();
        List<PersistenceModule> replicas = new ArrayList<>();
        for (int i = 0; i < REPLICAS; i++) {
            replicas.add(PersistenceModule.open(settings));
        }
        ExecutorService starts = Executors.newFixedThreadPool(REPLICAS);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Callable<Void>> migrations = new ArrayList<>();
            for (PersistenceModule replica : replicas) {
                migrations.add(() -> {
                    go.await();
                    replica.migrate();
                    return null;
                });
            }
            List<Future<Void>> done = new ArrayList<>();
            for (Callable<Void> migration : migrations) {
                done.add(starts.submit(migration));
            }
            go.countDown();
            for (Future<Void> migration : done) {
                migration.get();
            }
            assertThat(SqlProbe.column(settings, "SELECT id FROM databasechangelog")).doesNotHaveDuplicates().hasSize(changeSetCount());
            for (PersistenceModule replica : replicas) {
                assertThat(replica.userAccounts().add(Accounts.account("h"))).isInstanceOf(AddResult.Added.class);
            }
        } finally {
            starts.shutdownNow();
            replicas.forEach(PersistenceModule::close);
        }
    }

    @Test
    void migratingAnUpToDateDatabaseChangesNothing() throws Exception {
        DatabaseSettings settings = freshDatabase();
        try (PersistenceModule module = PersistenceModule.open(settings)) {
            module.migrate();
            List<Object> applied = SqlProbe.column(settings, "SELECT id FROM databasechangelog ORDER BY orderexecuted");
            module.migrate();
            assertThat(SqlProbe.column(settings, "SELECT id FROM databasechangelog ORDER BY orderexecuted")).isEqualTo(applied);
        }
    }

    @Test
    void aLiquibaseLockLeftByAKilledMigratorDoesNotBlockTheNextStart() throws Exception {
        DatabaseSettings settings = freshDatabase();
        try (PersistenceModule module = PersistenceModule.open(settings)) {
            module.migrate();
            assertThat(SqlProbe.update(settings, "UPDATE databasechangeloglock SET locked = ?, lockedby = ?", true, "killed-host")).isOne();
            // Liquibase itself would wait five minutes for this lock and then fail; the guard only catches a hang.
            assertTimeoutPreemptively(Duration.ofSeconds(60), module::migrate);
            assertThat(SqlProbe.column(settings, "SELECT locked FROM databasechangeloglock")).containsExactly(false);
        }
    }

    @Test
    void storesInstantsWithTheirZoneIdsAsUuidsAndFlagsAsBooleans() throws Exception {
        DatabaseSettings settings = freshDatabase();
        try (PersistenceModule module = PersistenceModule.open(settings)) {
            module.migrate();
        }
        assertThat(columnType(settings, "user_accounts", "created_at")).isEqualToIgnoringCase(expectedInstantType());
        assertThat(columnType(settings, "refresh_tokens", "used_at")).isEqualToIgnoringCase(expectedInstantType());
        assertThat(columnType(settings, "signing_keys", "retired_at")).isEqualToIgnoringCase(expectedInstantType());
        assertThat(columnType(settings, "user_accounts", "id")).isEqualToIgnoringCase("uuid");
        assertThat(columnType(settings, "refresh_token_families", "user_id")).isEqualToIgnoringCase("uuid");
        assertThat(columnType(settings, "user_accounts", "disabled")).isEqualToIgnoringCase("boolean");
    }

    @Test
    void indexesWhatThePurgeOfEndedRefreshTokenFamiliesLooksFor() throws Exception {
        DatabaseSettings settings = freshDatabase();
        try (PersistenceModule module = PersistenceModule.open(settings)) {
            module.migrate();
        }
        assertThat(leadingIndexColumns(settings, "refresh_token_families")).contains("expires_at", "revoked_at");
        assertThat(leadingIndexColumns(settings, "refresh_tokens")).contains("family_id");
    }

    private static int changeSetCount() throws IOException {
        try (InputStream changelog = MigrationCases.class.getClassLoader().getResourceAsStream(Migrations.CHANGELOG)) {
            Matcher changeSets = Pattern.compile("<changeSet ").matcher(new String(changelog.readAllBytes(), StandardCharsets.UTF_8));
            int count = 0;
            while (changeSets.find()) {
                count++;
            }
            return count;
        }
    }
}
