package io.scaleguard.application.admin;

import io.scaleguard.application.port.in.SetPlanCommand;
import io.scaleguard.application.port.in.SetPlanUseCase;
import io.scaleguard.application.port.out.UserAccounts;

/** Moves a user to a plan; tokens issued from now on carry it, so it applies within one access-token lifetime. */
public final class SetPlanService implements SetPlanUseCase {

    private final UserAccounts accounts;

    public SetPlanService(UserAccounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public boolean setPlan(SetPlanCommand command) {
        return accounts.setPlan(command.username(), command.plan());
    }
}
