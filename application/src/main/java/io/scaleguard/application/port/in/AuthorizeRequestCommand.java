package io.scaleguard.application.port.in;

/** A protected request: the bearer token it presented (may be null) and what it costs in tokens of the user's quota. */
public record AuthorizeRequestCommand(String bearerToken, long cost) {

    public AuthorizeRequestCommand {
        if (cost < 1) {
            throw new IllegalArgumentException("a request costs at least 1 token");
        }
    }

    @Override
    public String toString() {
        return "AuthorizeRequestCommand[cost=" + cost + "]";
    }
}
