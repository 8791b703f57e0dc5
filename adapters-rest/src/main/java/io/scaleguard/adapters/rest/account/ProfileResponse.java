package io.scaleguard.adapters.rest.account;

import io.scaleguard.application.port.in.UserProfile;

/** A user's account as they may see it: never a password hash. */
public record ProfileResponse(String id, String username, String email, String plan) {

    static ProfileResponse of(UserProfile profile) {
        return new ProfileResponse(profile.id().toString(), profile.username().value(), profile.email().value(),
                profile.plan().name());
    }
}
