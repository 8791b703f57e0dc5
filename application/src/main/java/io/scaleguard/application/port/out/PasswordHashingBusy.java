package io.scaleguard.application.port.out;

import java.time.Duration;

/** Every hashing slot stayed busy for the whole wait: answer fast with a retry hint rather than queue. */
public class PasswordHashingBusy extends RuntimeException {

    private final Duration retryAfter;

    public PasswordHashingBusy(Duration retryAfter) {
        super("password hashing is saturated");
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
