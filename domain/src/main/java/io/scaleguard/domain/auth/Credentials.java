package io.scaleguard.domain.auth;

/** What a user presents to log in. */
public record Credentials(Username username, Password password) {

    public Credentials {
        if (username == null || password == null) {
            throw new IllegalArgumentException("credentials need a username and a password");
        }
    }
}
