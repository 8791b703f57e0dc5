package io.scaleguard.adapters.rest.account;

/** The body of {@code POST /users/me/password}: {@code current_password} and {@code new_password}. */
public record PasswordChangeRequest(String currentPassword, String newPassword) {

    @Override
    public String toString() {
        return "PasswordChangeRequest[****]";
    }
}
