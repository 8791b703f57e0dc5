package io.scaleguard.adapters.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.scaleguard.application.port.out.RefreshToken;
import io.scaleguard.application.port.out.StoreUnavailable;
import io.scaleguard.application.port.out.UserAccount;
import io.scaleguard.application.testing.Accounts;
import io.scaleguard.domain.auth.AuthenticationResult;
import io.scaleguard.domain.auth.Credentials;
import io.scaleguard.domain.auth.Password;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A PostgreSQL of this test's own, stopped under a running module: every call fails as {@link StoreUnavailable} (no JPA
 * or driver type), readiness says unhealthy without hanging, and once the server is back the module works again with
 * everything it had committed.
 */
class DatabaseDownIT {

    @TempDir
    Path serverData;

    private EmbeddedPostgres startServer(int port) throws IOException {
        return EmbeddedPostgres.builder().setDataDirectory(serverData).setCleanDataDirectory(false).setPort(port).start();
    }

    @Test
    void aStoppedDatabaseFailsEveryCallAsStoreUnavailableAndTheModuleRecoversWhenItReturns() throws Exception {
        EmbeddedPostgres server = startServer(0);
        int port = server.getPort();
        DatabaseSettings settings = DatabaseSettings.of(server.getJdbcUrl("postgres", "postgres"), null, null)
                .withTimeout(Duration.ofSeconds(2)).withPasswordHashing(TestDatabase.FAST_HASHING);
        Password password = new Password("a password that outlives the outage");
        try (PersistenceModule module = PersistenceModule.open(settings)) {
            module.migrate();
            UserAccount account = Accounts.account(module.passwordHasher().hash(password));
            module.userAccounts().add(account);
            Instant issued = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            RefreshToken token = new RefreshToken("0a".repeat(32), UUID.randomUUID(), account.id(), Set.of(), issued,
                    issued.plusSeconds(3600));
            module.refreshTokens().save(token);
            assertThat(module.health().healthy()).isTrue();

            server.close();

            // The guard only catches a hang: the calls must fail, not wait for the server.
            assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
                assertThatThrownBy(() -> module.userAccounts().byUsername(account.username()))
                        .isExactlyInstanceOf(StoreUnavailable.class).hasMessageContaining("database");
                assertThatThrownBy(() -> module.userAccounts().add(Accounts.account("h"))).isExactlyInstanceOf(StoreUnavailable.class);
                assertThatThrownBy(() -> module.refreshTokens().use(token.tokenHash(), Instant.now()))
                        .isExactlyInstanceOf(StoreUnavailable.class);
                assertThatThrownBy(() -> module.signingKeys().activeAt(Instant.now())).isExactlyInstanceOf(StoreUnavailable.class);
                assertThatThrownBy(() -> module.authenticator().authenticate(new Credentials(account.username(), password)))
                        .isExactlyInstanceOf(StoreUnavailable.class);
                assertThatThrownBy(module::migrate).isExactlyInstanceOf(StoreUnavailable.class);
                assertThat(module.health().healthy()).isFalse();
            });

            EmbeddedPostgres restarted = startServer(port);
            try {
                await().atMost(Duration.ofSeconds(60)).until(() -> module.health().healthy());
                assertThat(module.userAccounts().byUsername(account.username())).contains(account);
                assertThat(module.refreshTokens().byHash(token.tokenHash())).contains(token);
                assertThat(module.authenticator().authenticate(new Credentials(account.username(), password)))
                        .isEqualTo(new AuthenticationResult.Authenticated(account.principal()));
            } finally {
                restarted.close();
            }
        }
    }
}
