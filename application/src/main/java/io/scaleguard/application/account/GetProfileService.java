package io.scaleguard.application.account;

import io.scaleguard.application.port.in.GetProfileQuery;
import io.scaleguard.application.port.in.GetProfileUseCase;
import io.scaleguard.application.port.in.UserProfile;
import io.scaleguard.application.port.out.UserAccounts;
import java.util.Optional;

public final class GetProfileService implements GetProfileUseCase {

    private final UserAccounts accounts;

    public GetProfileService(UserAccounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public Optional<UserProfile> profile(GetProfileQuery query) {
        return accounts.byId(query.userId()).map(a -> new UserProfile(a.id(), a.username(), a.email(), a.plan()));
    }
}
