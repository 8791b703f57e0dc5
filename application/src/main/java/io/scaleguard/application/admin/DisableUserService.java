package io.scaleguard.application.admin;

import io.scaleguard.application.port.in.DisableUserCommand;
import io.scaleguard.application.port.in.DisableUserUseCase;
import io.scaleguard.application.port.out.RefreshTokens;
import io.scaleguard.application.port.out.UserAccount;
import io.scaleguard.application.port.out.UserAccounts;
import java.util.Optional;

/** Disabling an account also revokes its refresh tokens, so no new access token can be had for it. */
public final class DisableUserService implements DisableUserUseCase {

    private final UserAccounts accounts;
    private final RefreshTokens refreshTokens;

    public DisableUserService(UserAccounts accounts, RefreshTokens refreshTokens) {
        this.accounts = accounts;
        this.refreshTokens = refreshTokens;
    }

    @Override
    public boolean disable(DisableUserCommand command) {
        if (!accounts.setDisabled(command.username(), command.disabled())) {
            return false;
        }
        if (command.disabled()) {
            Optional<UserAccount> account = accounts.byUsername(command.username());
            account.ifPresent(a -> refreshTokens.revokeAllOf(a.id()));
        }
        return true;
    }
}
