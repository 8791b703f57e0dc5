package io.scaleguard.application.port.in;

import io.scaleguard.domain.auth.Username;

/** {@code disabled=false} enables the account again. */
public record DisableUserCommand(Username username, boolean disabled) {

    public DisableUserCommand {
        if (username == null) {
            throw new IllegalArgumentException("disabling a user needs a username");
        }
    }
}
