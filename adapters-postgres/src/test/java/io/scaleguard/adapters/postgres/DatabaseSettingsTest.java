package io.scaleguard.adapters.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class DatabaseSettingsTest {

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
    void putsTheEmbeddedDatabaseInTheDataDirectoryOpenToOtherProcessesAndDurableOnCommit(@org.junit.jupiter.api.io.TempDir Path directory) {
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
    void refusesPoolsAndTimeoutsOutsideSaneBounds() {
        DatabaseSettings settings = DatabaseSettings.of("jdbc:postgresql://db/scaleguard", null, null);
        assertThatThrownBy(() -> settings.withMaxConnections(1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> settings.withTimeout(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> settings.withTimeout(Duration.ofHours(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> settings.passwordHashing().withCost(4, 1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> settings.passwordHashing().withConcurrency(0, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
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
