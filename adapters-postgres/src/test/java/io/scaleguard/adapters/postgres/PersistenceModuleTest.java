package io.scaleguard.adapters.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scaleguard.application.port.out.StoreUnavailable;
import io.scaleguard.domain.auth.Username;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A module over a database that is not there: opening needs no connection, and every call fails cleanly. */
class PersistenceModuleTest {

    /** Port 1 on the loopback interface: nothing listens there, so a connection is refused at once. */
    private static final String NOWHERE = "jdbc:postgresql://127.0.0.1:1/scaleguard?user=app&password=s3cret";

    private static PersistenceModule openNowhere() {
        return PersistenceModule.open(DatabaseSettings.of(NOWHERE, null, null).withTimeout(Duration.ofSeconds(1))
                .withPasswordHashing(TestDatabase.FAST_HASHING));
    }

    @Test
    void opensWithoutConnectingAndNamesItsDatabaseWithoutThePassword() {
        try (PersistenceModule module = openNowhere()) {
            assertThat(module).hasToString("PostgreSQL jdbc:postgresql://127.0.0.1:1/scaleguard");
            assertThat(module.passwordHashesInFlight().getAsInt()).isZero();
        }
    }

    @Test
    void reportsAnUnreachableDatabaseAsUnhealthyAndItsCallsAsStoreUnavailable() {
        try (PersistenceModule module = openNowhere()) {
            assertThat(module.health().name()).isEqualTo("database");
            assertThat(module.health().critical()).as("no replica serves without its database").isTrue();
            assertThat(module.health().healthy()).isFalse();
            assertThatThrownBy(() -> module.userAccounts().byUsername(new Username("alice")))
                    .isExactlyInstanceOf(StoreUnavailable.class)
                    .hasMessage("the database could not find an account");
            assertThatThrownBy(module::migrate).isExactlyInstanceOf(StoreUnavailable.class);
        }
    }

    @Test
    void aClosedModuleAnswersUnhealthyAndStoreUnavailable() {
        PersistenceModule module = openNowhere();
        module.close();
        module.close();
        assertThat(module.health().healthy()).isFalse();
        assertThatThrownBy(() -> module.userAccounts().byUsername(new Username("alice"))).isExactlyInstanceOf(StoreUnavailable.class);
    }
}
