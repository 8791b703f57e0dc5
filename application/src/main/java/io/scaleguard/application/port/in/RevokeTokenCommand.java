package io.scaleguard.application.port.in;

/** RFC 7009: the token to revoke, as the client holds it. */
public record RevokeTokenCommand(String token) {

    @Override
    public String toString() {
        return "RevokeTokenCommand[****]";
    }
}
