package io.scaleguard.adapters.postgres;

import io.scaleguard.application.port.out.PasswordHasher;
import io.scaleguard.application.port.out.UserAccount;
import io.scaleguard.domain.auth.AuthenticationResult;
import io.scaleguard.domain.auth.AuthenticationResult.Reason;
import io.scaleguard.domain.auth.Authenticator;
import io.scaleguard.domain.auth.Credentials;
import io.scaleguard.domain.auth.Password;
import java.time.Clock;
import java.util.Optional;

/**
 * The {@link Authenticator} over the account table. Every outcome verifies exactly one hash (an unknown user's against a
 * dummy hash made at start-up with the current parameters), so the time a rejection takes does not tell whether the
 * username exists. No database connection is held while hashing: the account is read, the hash verified, and only a
 * successful login writes (its time, and a re-hash when the parameters changed) in one transaction.
 * {@link io.scaleguard.application.port.out.PasswordHashingBusy} propagates to the caller.
 */
final class JpaAuthenticator implements Authenticator {

    private final JpaUserAccounts accounts;
    private final PasswordHasher hasher;
    private final Clock clock;
    private final String dummyHash;

    JpaAuthenticator(JpaUserAccounts accounts, PasswordHasher hasher, Clock clock) {
        this.accounts = accounts;
        this.hasher = hasher;
        this.clock = clock;
        this.dummyHash = hasher.hash(new Password("no account has this password: it only costs the same"));
    }

    @Override
    public AuthenticationResult authenticate(Credentials credentials) {
        Optional<UserAccount> found = accounts.byUsername(credentials.username());
        String storedHash = found.map(UserAccount::passwordHash).orElse(dummyHash);
        boolean matches = hasher.verify(credentials.password(), storedHash);
        if (found.isEmpty()) {
            return new AuthenticationResult.Rejected(Reason.UNKNOWN_USER);
        }
        UserAccount account = found.get();
        if (!matches) {
            return new AuthenticationResult.Rejected(Reason.WRONG_PASSWORD);
        }
        if (account.disabled()) {
            return new AuthenticationResult.Rejected(Reason.ACCOUNT_DISABLED);
        }
        Optional<String> rehash = hasher.needsRehash(storedHash) ? Optional.of(hasher.hash(credentials.password())) : Optional.empty();
        accounts.recordLogin(account.id(), clock.instant(), storedHash, rehash);
        return new AuthenticationResult.Authenticated(account.principal());
    }
}
