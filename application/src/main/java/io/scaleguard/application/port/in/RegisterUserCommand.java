package io.scaleguard.application.port.in;

import io.scaleguard.domain.auth.EmailAddress;
import io.scaleguard.domain.auth.Password;
import io.scaleguard.domain.auth.Username;

public record RegisterUserCommand(Username username, EmailAddress email, Password password) {

    public RegisterUserCommand {
        if (username == null || email == null || password == null) {
            throw new IllegalArgumentException("registration needs a username, an email and a password");
        }
    }
}
