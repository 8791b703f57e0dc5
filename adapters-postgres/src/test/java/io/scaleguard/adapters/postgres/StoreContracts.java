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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;

/**
 * The port contracts over one module on the database a subclass names. One instance per class, so that
 * {@link #settings()} can be an instance method and every nested contract shares the module.
 */
@TestInstance(Lifecycle.PER_CLASS)
abstract class StoreContracts {

    private PersistenceModule module;

    /** The database to run on; asked once, before the first test. */
    protected abstract DatabaseSettings settings();

    @BeforeAll
    void openAndMigrate() {
        module = PersistenceModule.open(settings());
        module.migrate();
    }

    @AfterAll
    void closeModule() {
        if (module != null) {
            module.close();
        }
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
