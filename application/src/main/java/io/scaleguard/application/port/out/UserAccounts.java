package io.scaleguard.application.port.out;

import io.scaleguard.domain.auth.Plan;
import io.scaleguard.domain.auth.UserId;
import io.scaleguard.domain.auth.Username;
import java.util.Optional;

/** Where accounts are kept. Uniqueness of username and email is the store's to guarantee, even under races. */
public interface UserAccounts {

    /** Adds a new account, or says which unique field is taken; never both, never a half-written account. */
    AddResult add(UserAccount account);

    Optional<UserAccount> byUsername(Username username);

    Optional<UserAccount> byId(UserId id);

    /** Replaces the stored hash, for example after re-hashing with new parameters or a password change. */
    void updatePasswordHash(UserId id, String passwordHash);

    /** @return false when no such user exists */
    boolean setPlan(Username username, Plan plan);

    /** @return false when no such user exists */
    boolean setDisabled(Username username, boolean disabled);

    sealed interface AddResult {
        record Added(UserAccount account) implements AddResult {
        }

        record UsernameTaken() implements AddResult {
        }

        record EmailTaken() implements AddResult {
        }
    }
}
