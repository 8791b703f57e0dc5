package io.scaleguard.application.port.in;

import java.util.Optional;

/** A user's own profile; empty when the account no longer exists. */
public interface GetProfileUseCase {

    Optional<UserProfile> profile(GetProfileQuery query);
}
