package io.scaleguard.application.account;

import io.scaleguard.application.port.in.RegisterUserCommand;
import io.scaleguard.application.port.in.RegisterUserUseCase;
import io.scaleguard.application.port.in.UserProfile;
import io.scaleguard.application.port.out.PasswordHasher;
import io.scaleguard.application.port.out.PasswordHashingBusy;
import io.scaleguard.application.port.out.UserAccount;
import io.scaleguard.application.port.out.UserAccounts;
import io.scaleguard.application.port.out.UserAccounts.AddResult;
import io.scaleguard.domain.auth.Plan;
import io.scaleguard.domain.auth.UserId;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Set;

/**
 * Creates an account on the default plan with the role {@code user}. A taken username is answered before the
 * expensive hash; the store's unique constraints settle the race of two registrations of one name.
 */
public final class RegisterUserService implements RegisterUserUseCase {

    static final Set<String> NEW_USER_ROLES = Set.of("user");

    private final UserAccounts accounts;
    private final PasswordHasher hasher;
    private final Clock clock;

    public RegisterUserService(UserAccounts accounts, PasswordHasher hasher, Clock clock) {
        this.accounts = accounts;
        this.hasher = hasher;
        this.clock = clock;
    }

    @Override
    public RegistrationResult register(RegisterUserCommand command) {
        if (accounts.byUsername(command.username()).isPresent()) {
            return new RegistrationResult.UsernameTaken();
        }
        String hash;
        try {
            hash = hasher.hash(command.password());
        } catch (PasswordHashingBusy busy) {
            return new RegistrationResult.Busy(busy.retryAfter());
        }
        UserAccount account = new UserAccount(UserId.random(), command.username(), command.email(), hash, Plan.DEFAULT,
                NEW_USER_ROLES, false, clock.instant().truncatedTo(ChronoUnit.MILLIS));
        AddResult added = accounts.add(account);
        if (added instanceof AddResult.UsernameTaken) {
            return new RegistrationResult.UsernameTaken();
        }
        if (added instanceof AddResult.EmailTaken) {
            return new RegistrationResult.EmailTaken();
        }
        return new RegistrationResult.Registered(new UserProfile(account.id(), account.username(), account.email(), account.plan()));
    }
}
