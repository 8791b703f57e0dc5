package io.scaleguard.application.testing;

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
import org.junit.jupiter.api.Nested;

/** The fakes the service tests run on are held to the same contracts as the real adapters. */
class InMemoryStoresPassTheContractsTest {

    @Nested
    class Accounts extends UserAccountsContract {
        private final InMemoryUserAccounts accounts = new InMemoryUserAccounts();

        @Override
        protected UserAccounts accounts() {
            return accounts;
        }
    }

    @Nested
    class Tokens extends RefreshTokensContract {
        private final InMemoryRefreshTokens tokens = new InMemoryRefreshTokens();

        @Override
        protected RefreshTokens tokens() {
            return tokens;
        }

        @Override
        protected UserId aUser() {
            return UserId.random();
        }
    }

    @Nested
    class Keys extends SigningKeysContract {
        private final InMemorySigningKeys keys = new InMemorySigningKeys();

        @Override
        protected SigningKeys keys() {
            return keys;
        }
    }

    @Nested
    class Authentication extends AuthenticatorContract {
        private final InMemoryUserAccounts accounts = new InMemoryUserAccounts();
        private final FakePasswordHasher hasher = new FakePasswordHasher();
        private final InMemoryAuthenticator authenticator = new InMemoryAuthenticator(accounts, hasher);

        @Override
        protected Authenticator authenticator() {
            return authenticator;
        }

        @Override
        protected UserAccount givenAccount(Username username, Password password, boolean disabled) {
            UserAccount account = io.scaleguard.application.testing.Accounts.account(username, hasher.hash(password));
            accounts.add(account);
            if (disabled) {
                accounts.setDisabled(username, true);
                return accounts.byUsername(username).orElseThrow();
            }
            return account;
        }
    }
}
