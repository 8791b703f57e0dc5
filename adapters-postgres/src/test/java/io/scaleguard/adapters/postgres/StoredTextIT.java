package io.scaleguard.adapters.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scaleguard.application.port.out.StoreUnavailable;
import io.scaleguard.application.testing.Accounts;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SQL-looking text on both databases, and what a refused row's error says. */
class StoredTextIT {

    @TempDir
    static Path dataDirectory;
    private static TestDatabase.Schema schema;
    private static PersistenceModule postgres;
    private static PersistenceModule embedded;

    @BeforeAll
    static void openBoth() {
        schema = TestDatabase.freshSchema();
        postgres = PersistenceModule.open(schema.settings());
        postgres.migrate();
        embedded = PersistenceModule.open(DatabaseSettings.embedded(dataDirectory).withPasswordHashing(TestDatabase.FAST_HASHING));
        embedded.migrate();
    }

    @AfterAll
    static void closeBoth() {
        postgres.close();
        embedded.close();
        schema.close();
    }

    @Nested
    class OnPostgres extends StoredTextCases {
        @Override
        protected PersistenceModule module() {
            return postgres;
        }
    }

    @Nested
    class OnEmbedded extends StoredTextCases {
        @Override
        protected PersistenceModule module() {
            return embedded;
        }
    }

    /**
     * EclipseLink would put bound values in its exception text; with parameter logging off a refused row's error names
     * the statement, not the data. (H2's own driver message quotes an over-long value; PostgreSQL's does not.)
     */
    @Test
    void aRefusedRowsErrorCarriesNoneOfTheRowsValues() {
        String secret = "$argon2id$secret-material-" + "x".repeat(600);
        assertThatThrownBy(() -> postgres.userAccounts().add(Accounts.account(secret)))
                .isExactlyInstanceOf(StoreUnavailable.class)
                .satisfies(failure -> {
                    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
                        assertThat(String.valueOf(cause.getMessage())).doesNotContain("secret-material");
                        assertThat(cause.toString()).doesNotContain("secret-material");
                    }
                });
    }
}
