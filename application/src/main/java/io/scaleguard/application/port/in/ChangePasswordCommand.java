package io.scaleguard.application.port.in;

import io.scaleguard.domain.auth.Password;
import io.scaleguard.domain.auth.UserId;

/** {@code userId} comes from the verified access token, never from the request body. */
public record ChangePasswordCommand(UserId userId, Password currentPassword, Password newPassword) {

    public ChangePasswordCommand {
        if (userId == null || currentPassword == null || newPassword == null) {
            throw new IllegalArgumentException("changing a password needs the user, the current and the new password");
        }
    }

    @Override
    public String toString() {
        return "ChangePasswordCommand[userId=" + userId + "]";
    }
}
