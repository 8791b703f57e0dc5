package io.scaleguard.adapters.rest.account;

/** The body of {@code POST /register}. */
public record RegistrationRequest(String username, String email, String password) {

    @Override
    public String toString() {
        return "RegistrationRequest[username=" + username + "]";
    }
}
