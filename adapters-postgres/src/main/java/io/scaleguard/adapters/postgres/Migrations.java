package io.scaleguard.adapters.postgres;

import io.scaleguard.application.port.out.StoreUnavailable;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.Map;
import liquibase.Scope;
import liquibase.UpdateSummaryOutputEnum;
import liquibase.analytics.configuration.AnalyticsArgs;
import liquibase.command.CommandScope;
import liquibase.command.core.UpdateCommandStep;
import liquibase.command.core.helpers.DbUrlConnectionArgumentsCommandStep;
import liquibase.command.core.helpers.ShowSummaryArgument;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.lockservice.LockServiceFactory;
import liquibase.resource.ClassLoaderResourceAccessor;
import liquibase.ui.LoggerUIService;

/** Brings the schema up to date with the changelog, one migrator at a time (see {@link MigrationLock}). */
final class Migrations {

    static final String CHANGELOG = "io/scaleguard/adapters/postgres/db/changelog.xml";

    private Migrations() {
    }

    static void run(DatabaseSettings settings) {
        try (Connection connection = DriverManager.getConnection(settings.jdbcUrl(), ConnectionSettings.driverProperties(settings, true));
             MigrationLock ignored = MigrationLock.acquire(settings, connection)) {
            Database database = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(connection));
            Scope.child(Map.of(
                    Scope.Attr.resourceAccessor.name(), new ClassLoaderResourceAccessor(Migrations.class.getClassLoader()),
                    Scope.Attr.ui.name(), new LoggerUIService(),
                    AnalyticsArgs.ENABLED.getKey(), false), () -> {
                // Holding the migration lock, no other migrator runs: a Liquibase lock left set is a killed process's.
                LockServiceFactory.getInstance().getLockService(database).forceReleaseLock();
                new CommandScope(UpdateCommandStep.COMMAND_NAME)
                        .addArgumentValue(UpdateCommandStep.CHANGELOG_FILE_ARG, CHANGELOG)
                        .addArgumentValue(DbUrlConnectionArgumentsCommandStep.DATABASE_ARG, database)
                        // the summary goes to the log, where the service's log level decides, never straight to stdout
                        .addArgumentValue(ShowSummaryArgument.SHOW_SUMMARY_OUTPUT, UpdateSummaryOutputEnum.LOG)
                        .execute();
            });
        } catch (Exception e) {
            // Scope.child declares Exception; whatever Liquibase, the driver or the lock file threw, the schema is not ready.
            throw new StoreUnavailable("the database could not be migrated", e);
        }
    }
}
