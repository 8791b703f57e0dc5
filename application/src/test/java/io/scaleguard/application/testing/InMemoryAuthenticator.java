package io.scaleguard.application.testing;

import io.scaleguard.application.port.out.PasswordHasher;
import io.scaleguard.application.port.out.UserAccount;
import io.scaleguard.application.port.out.UserAccounts;
import io.scaleguard.domain.auth.AuthenticationResult;
import io.scaleguard.domain.auth.Authenticator;
import io.scaleguard.domain.auth.Credentials;
import io.scaleguard.domain.auth.Password;
import java.util.Optional;

/**
 * The {@link Authenticator} over any {@link UserAccounts} and {@link PasswordHasher}: what the JPA adapter does in one
 * transaction, for tests of the services. Every path verifies one hash, so a rejection takes the same time whatever
 * its reason.
 */
public final class InMemoryAuthenticator implements Authenticator {

    private final UserAccounts accounts;
    private final PasswordHasher hasher;
    private final String dummyHash;

    public InMemoryAuthenticator(UserAccounts accounts, PasswordHasher hasher) {
        this.accounts = accounts;
        this.hasher = hasher;
        this.dummyHash = hasher.hash(new Password("a dummy password nobody has"));
    }

    @Override
    public AuthenticationResult authenticate(Credentials credentials) {
        Optional<UserAccount> found = accounts.byUsername(credentials.username());
        boolean matches = hasher.verify(credentials.password(), found.map(UserAccount::passwordHash).orElse(dummyHash));
        if (found.isEmpty()) {
            return new AuthenticationResult.Rejected(AuthenticationResult.Reason.UNKNOWN_USER);
        }
        UserAccount account = found.get();
        if (!matches) {
            return new AuthenticationResult.Rejected(AuthenticationResult.Reason.WRONG_PASSWORD);
        }
        if (account.disabled()) {
            return new AuthenticationResult.Rejected(AuthenticationResult.Reason.ACCOUNT_DISABLED);
        }
        if (hasher.needsRehash(account.passwordHash())) {
            accounts.updatePasswordHash(account.id(), hasher.hash(credentials.password()));
        }
        return new AuthenticationResult.Authenticated(account.principal());
    }
}
