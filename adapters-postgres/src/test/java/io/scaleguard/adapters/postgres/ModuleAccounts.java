package io.scaleguard.adapters.postgres;

import io.scaleguard.application.port.out.UserAccount;
import io.scaleguard.application.port.out.UserAccounts;
import io.scaleguard.application.testing.Accounts;
import io.scaleguard.domain.auth.Password;
import io.scaleguard.domain.auth.UserId;
import io.scaleguard.domain.auth.Username;

/** Accounts stored through a module, as the contract tests' set-up needs them. */
final class ModuleAccounts {

    private ModuleAccounts() {
    }

    /** A stored user, for stores whose rows must belong to an existing account. */
    static UserId aStoredUser(PersistenceModule module) {
        UserAccount account = Accounts.account("$fake$r=1$salt$hash");
        added(module.userAccounts(), account);
        return account.id();
    }

    /** A stored account whose password is hashed by the module's own hasher. */
    static UserAccount withPassword(PersistenceModule module, Username username, Password password, boolean disabled) {
        UserAccounts accounts = module.userAccounts();
        added(accounts, Accounts.account(username, module.passwordHasher().hash(password)));
        if (disabled) {
            accounts.setDisabled(username, true);
        }
        return accounts.byUsername(username).orElseThrow();
    }

    private static void added(UserAccounts accounts, UserAccount account) {
        if (!(accounts.add(account) instanceof UserAccounts.AddResult.Added)) {
            throw new IllegalStateException("could not store " + account);
        }
    }
}
