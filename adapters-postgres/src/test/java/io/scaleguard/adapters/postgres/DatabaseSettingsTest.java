package io.scaleguard.adapters.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseSettingsTest {

    private static final DatabaseSettings POSTGRES = DatabaseSettings.of("jdbc:postgresql://db/scaleguard", null, null);

    @Test
    void describesPostgresByItsUrlWithoutParametersThatMayCarryAPassword() {
        DatabaseSettings settings = DatabaseSettings.of("jdbc:postgresql://db.internal:5432/scaleguard?user=app&password=s3cret",
                null, null);
        assertThat(settings.description()).isEqualTo("PostgreSQL jdbc:postgresql://db.internal:5432/scaleguard");
        assertThat(settings.toString()).doesNotContain("s3cret");
    }

    @Test
    void neverPrintsAPasswordGivenApart() {
        DatabaseSettings settings = DatabaseSettings.of("jdbc:postgresql://db/scaleguard", "app", "s3cret");
        assertThat(settings.toString()).contains("user=app").doesNotContain("s3cret");
    }

    @Test
    void describesTheEmbeddedDatabaseByItsDataDirectory() {
        assertThat(DatabaseSettings.embedded(Path.of("./data")).description()).isEqualTo("embedded database ./data");
    }

    @Test
    void putsTheEmbeddedDatabaseInTheDataDirectoryOpenToOtherProcessesAndDurableOnCommit(@TempDir Path directory) {
        DatabaseSettings settings = DatabaseSettings.embedded(directory);
        assertThat(settings.isEmbedded()).isTrue();
        assertThat(settings.jdbcUrl()).startsWith("jdbc:h2:file:" + directory.toAbsolutePath().resolve("scaleguard"))
                .contains(";AUTO_SERVER=TRUE").contains(";WRITE_DELAY=0");
    }

    @Test
    void acceptsOnlyPostgresUrlsFromOutside() {
        assertThatThrownBy(() -> DatabaseSettings.of("jdbc:h2:mem:x", null, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DatabaseSettings.of("jdbc:mysql://db/x", null, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DatabaseSettings.of(null, null, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DatabaseSettings.embedded(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void acceptsPoolsAndTimeoutsUpToTheirDocumentedBoundsOnEitherDatabase(@TempDir Path directory) {
        for (DatabaseSettings settings : new DatabaseSettings[] {POSTGRES, DatabaseSettings.embedded(directory)}) {
            assertThat(settings.withMaxConnections(DatabaseSettings.MIN_CONNECTIONS).maxConnections()).isEqualTo(2);
            assertThat(settings.withMaxConnections(DatabaseSettings.MAX_CONNECTIONS).maxConnections()).isEqualTo(200);
            assertThat(settings.withTimeout(Duration.ofMillis(100)).timeout()).isEqualTo(DatabaseSettings.MIN_TIMEOUT);
            DatabaseSettings changed = settings.withTimeout(Duration.ofMinutes(10)).withMaxConnections(12);
            assertThat(changed.timeout()).isEqualTo(DatabaseSettings.MAX_TIMEOUT);
            assertThat(changed).isEqualTo(new DatabaseSettings(settings.jdbcUrl(), settings.user(), settings.password(),
                    settings.dataDirectory(), 12, Duration.ofMinutes(10), settings.passwordHashing(), null));
        }
    }

    @Test
    void refusesPoolsAndTimeoutsOutsideThoseBoundsSayingWhatItGot() {
        assertThatThrownBy(() -> POSTGRES.withMaxConnections(1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the number of database connections must be 2 to 200, not 1");
        assertThatThrownBy(() -> POSTGRES.withMaxConnections(201)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> POSTGRES.withTimeout(Duration.ofMillis(99))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the database timeout must be 100 ms to 10 minutes, not 99 ms");
        assertThatThrownBy(() -> POSTGRES.withTimeout(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> POSTGRES.withTimeout(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> POSTGRES.withTimeout(Duration.ofMinutes(10).plusMillis(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> POSTGRES.withTimeout(null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the database timeout must be 100 ms to 10 minutes");
        assertThatThrownBy(() -> POSTGRES.passwordHashing().withCost(4, 1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> POSTGRES.passwordHashing().withConcurrency(0, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void roundsTheDriversWholeSecondTimeoutsUpSoThatNoneIsShorterThanTheConfiguredOne() {
        Properties properties = ConnectionSettings.driverProperties(POSTGRES.withTimeout(Duration.ofMillis(1500)), false);
        assertThat(properties).containsEntry("connectTimeout", "2").containsEntry("loginTimeout", "2")
                .containsEntry("options", "-c statement_timeout=1500").containsEntry("socketTimeout", "7");
        assertThat(ConnectionSettings.driverProperties(POSTGRES.withTimeout(Duration.ofMillis(100)), false))
                .containsEntry("connectTimeout", "1");
    }

    @Test
    void waitsForAPooledConnectionAsLongAsTheTimeoutAndGivesEachPoolAtLeastOne() {
        var smallest = ConnectionSettings.persistenceProperties(POSTGRES.withMaxConnections(2).withTimeout(Duration.ofMillis(250)));
        assertThat(smallest).containsEntry("eclipselink.connection-pool.default.max", "1")
                .containsEntry("eclipselink.connection-pool.read.max", "1")
                .containsEntry("eclipselink.connection-pool.default.wait", "250")
                .containsEntry("eclipselink.connection-pool.read.wait", "250");
    }

    @Test
    void givesServingConnectionsTimeoutsAndMigrationsNone() {
        DatabaseSettings settings = DatabaseSettings.of("jdbc:postgresql://db/scaleguard", "app", "s3cret").withTimeout(Duration.ofSeconds(3));
        Properties serving = ConnectionSettings.driverProperties(settings, false);
        assertThat(serving).containsEntry("user", "app").containsEntry("password", "s3cret")
                .containsEntry("connectTimeout", "3").containsEntry("options", "-c statement_timeout=3000")
                .containsEntry("socketTimeout", "8");
        Properties migrating = ConnectionSettings.driverProperties(settings, true);
        assertThat(migrating).containsEntry("connectTimeout", "3").doesNotContainKeys("options", "socketTimeout");
    }

    @Test
    void splitsTheConnectionBudgetBetweenTheReadAndWritePools() {
        var properties = ConnectionSettings.persistenceProperties(
                DatabaseSettings.of("jdbc:postgresql://db/scaleguard", null, null).withMaxConnections(5));
        assertThat(properties).containsEntry("eclipselink.connection-pool.default.max", "2")
                .containsEntry("eclipselink.connection-pool.read.max", "3")
                .containsEntry("eclipselink.cache.shared.default", "false")
                .containsEntry("eclipselink.logging.parameters", "false");
    }
}
