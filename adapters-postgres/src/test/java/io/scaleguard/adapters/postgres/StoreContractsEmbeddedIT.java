package io.scaleguard.adapters.postgres;

import io.scaleguard.application.port.out.AuthenticatorContract;
import io.scaleguard.application.port.out.RefreshTokens;
import io.scaleguard.application.port.out.RefreshTokensContract;
import io.scaleguard.application.port.out.SigningKeys;
import io.scaleguard.application.port.out.SigningKeysContract;
import io.scaleguard.application.port.out.UserAccount;
import io.scaleguard.application.port.out.UserAccounts;
import io.scaleguard.application.port.out.UserAccountsContract;
import io.scaleguard.domain.auth.Authenticator;
import io.scaleguard.domain.auth.Password;
import io.scaleguard.domain.auth.UserId;
import io.scaleguard.domain.auth.Username;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;

/** The port contracts on the embedded default: an H2 file database in a temporary data directory. */
class StoreContractsEmbeddedIT {

    @TempDir
    static Path dataDirectory;
    private static PersistenceModule module;

    @BeforeAll
    static void openAndMigrate() {
        module = PersistenceModule.open(DatabaseSettings.embedded(dataDirectory).withPasswordHashing(TestDatabase.FAST_HASHING));
        module.migrate();
    }

    @AfterAll
    static void closeModule() {
        module.close();
    }

    @Nested
    class Accounts extends UserAccountsContract {
        @Override
        protected UserAccounts accounts() {
            return module.userAccounts();
        }
    }

    @Nested
    class Tokens extends RefreshTokensContract {
        @Override
        protected RefreshTokens tokens() {
            return module.refreshTokens();
        }

        @Override
        protected UserId aUser() {
            return ModuleAccounts.aStoredUser(module);
        }
    }

    @Nested
    class Keys extends SigningKeysContract {
        @Override
        protected SigningKeys keys() {
            return module.signingKeys();
        }
    }

    @Nested
    class Authentication extends AuthenticatorContract {
        @Override
        protected Authenticator authenticator() {
            return module.authenticator();
        }

        @Override
        protected UserAccount givenAccount(Username username, Password password, boolean disabled) {
            return ModuleAccounts.withPassword(module, username, password, disabled);
        }
    }
}
