package io.scaleguard.application.account;

import io.scaleguard.application.port.in.ChangePasswordCommand;
import io.scaleguard.application.port.in.ChangePasswordUseCase;
import io.scaleguard.application.port.out.PasswordHasher;
import io.scaleguard.application.port.out.PasswordHashingBusy;
import io.scaleguard.application.port.out.RefreshTokens;
import io.scaleguard.application.port.out.UserAccount;
import io.scaleguard.application.port.out.UserAccounts;
import io.scaleguard.application.quota.LoginThrottle;
import io.scaleguard.domain.auth.AuthenticationResult;
import io.scaleguard.domain.auth.Authenticator;
import io.scaleguard.domain.auth.Credentials;
import java.time.Duration;
import java.util.Optional;

/**
 * Checks the current password exactly as a login does (same throttle on the account, same authenticator), stores the
 * new hash and revokes every refresh token of the user.
 */
public final class ChangePasswordService implements ChangePasswordUseCase {

    private final UserAccounts accounts;
    private final Authenticator authenticator;
    private final PasswordHasher hasher;
    private final RefreshTokens refreshTokens;
    private final LoginThrottle throttle;

    public ChangePasswordService(UserAccounts accounts, Authenticator authenticator, PasswordHasher hasher,
                                 RefreshTokens refreshTokens, LoginThrottle throttle) {
        this.accounts = accounts;
        this.authenticator = authenticator;
        this.hasher = hasher;
        this.refreshTokens = refreshTokens;
        this.throttle = throttle;
    }

    @Override
    public ChangeResult change(ChangePasswordCommand command) {
        Optional<UserAccount> account = accounts.byId(command.userId());
        if (account.isEmpty()) {
            return new ChangeResult.Rejected();
        }
        Optional<Duration> wait = throttle.chargeUsername(account.get().username());
        if (wait.isPresent()) {
            return new ChangeResult.Throttled(wait.get());
        }
        try {
            AuthenticationResult checked = authenticator.authenticate(new Credentials(account.get().username(), command.currentPassword()));
            if (!(checked instanceof AuthenticationResult.Authenticated)) {
                return new ChangeResult.Rejected();
            }
            accounts.updatePasswordHash(command.userId(), hasher.hash(command.newPassword()));
        } catch (PasswordHashingBusy busy) {
            return new ChangeResult.Busy(busy.retryAfter());
        }
        refreshTokens.revokeAllOf(command.userId());
        return new ChangeResult.Changed();
    }
}
