package io.scaleguard.adapters.rest.account;

import io.scaleguard.application.port.in.UserProfile;

/** {@code GET /users/me/items}, kept from the original API: who the caller is, in two fields. */
public record ItemsResponse(String username, String email) {

    static ItemsResponse of(UserProfile profile) {
        return new ItemsResponse(profile.username().value(), profile.email().value());
    }
}
