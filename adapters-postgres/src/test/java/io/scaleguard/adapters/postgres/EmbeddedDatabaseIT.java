package io.scaleguard.adapters.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scaleguard.application.port.out.RefreshToken;
import io.scaleguard.application.port.out.RefreshTokens.Use;
import io.scaleguard.application.port.out.SigningKey;
import io.scaleguard.application.port.out.UserAccount;
import io.scaleguard.application.testing.Accounts;
import io.scaleguard.domain.auth.Username;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded default keeps its data in the data directory, across restarts, kills and a second process. */
class EmbeddedDatabaseIT {

    @TempDir
    Path dataDirectory;

    private PersistenceModule openAndMigrate() {
        PersistenceModule module = PersistenceModule.open(DatabaseSettings.embedded(dataDirectory).withPasswordHashing(TestDatabase.FAST_HASHING));
        module.migrate();
        return module;
    }

    @Test
    void keepsAccountsTokensAndKeysAcrossARestart() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        UserAccount account = Accounts.account("h");
        RefreshToken token = new RefreshToken("ef".repeat(32), UUID.randomUUID(), account.id(), Set.of("profile"), now, now.plusSeconds(3600));
        SigningKey key = new SigningKey("k-" + UUID.randomUUID(), "RS256", "cHJpdmF0ZQ==", "cHVibGlj", now, null);
        try (PersistenceModule before = openAndMigrate()) {
            before.userAccounts().add(account);
            before.refreshTokens().save(token);
            assertThat(before.refreshTokens().use(token.tokenHash(), now)).isEqualTo(new Use.Fresh(token));
            before.signingKeys().add(key);
        }
        try (PersistenceModule after = openAndMigrate()) {
            assertThat(after.userAccounts().byId(account.id())).contains(account);
            assertThat(after.refreshTokens().use(token.tokenHash(), now)).isEqualTo(new Use.Reused(token));
            assertThat(after.signingKeys().activeAt(now)).containsExactly(key);
        }
    }

    @Test
    void anotherProcessReadsAndWritesTheDatabaseWhileThisOneHasItOpen() throws Exception {
        try (PersistenceModule server = openAndMigrate()) {
            UserAccount ours = Accounts.account("h");
            server.userAccounts().add(ours);
            assertThat(runSecondProcess("find", ours.username())).isEqualTo("found");

            Username theirs = Accounts.uniqueUsername();
            assertThat(runSecondProcess("add", theirs)).isEqualTo("Added");
            assertThat(server.userAccounts().byUsername(theirs)).isPresent();
            assertThat(server.health().healthy()).isTrue();
        }
    }

    @Test
    void aProcessKilledRightAfterItsCommitLosesNothingOfIt() throws Exception {
        Username username = Accounts.uniqueUsername();
        assertThat(runSecondProcess("add", username)).isEqualTo("Added");
        try (PersistenceModule restarted = openAndMigrate()) {
            assertThat(restarted.userAccounts().byUsername(username)).isPresent();
        }
    }

    @Test
    void refusesConnectionsWithoutThePasswordKeptForItsOwnerInTheDataDirectory() throws Exception {
        DatabaseSettings settings = DatabaseSettings.embedded(dataDirectory);
        try (PersistenceModule module = openAndMigrate()) {
            assertThatThrownBy(() -> DriverManager.getConnection(settings.jdbcUrl(), "scaleguard", "")).isInstanceOf(SQLException.class);
            Path secret = dataDirectory.resolve(EmbeddedCredentials.FILE);
            assertThat(Files.getPosixFilePermissions(secret)).containsExactlyInAnyOrder(
                    PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
            assertThat(SqlProbe.column(settings, "SELECT COUNT(*) FROM user_accounts")).hasSize(1);
        }
    }

    /** Runs {@link EmbeddedDatabaseProcess} in a JVM of its own on the same data directory; returns its result word. */
    private String runSecondProcess(String command, Username username) throws IOException, InterruptedException {
        EmbeddedDatabaseProcess.Run run = EmbeddedDatabaseProcess.run(List.of(), command, dataDirectory, username);
        assertThat(run.exitCode()).as(run.output()).isZero();
        return run.result().orElseThrow(() -> new AssertionError(run.output()));
    }
}
