package io.scaleguard.domain.auth;

import java.util.UUID;

/** A user's stable identity; the {@code sub} of their tokens. */
public record UserId(UUID value) {

    public UserId {
        if (value == null) {
            throw new IllegalArgumentException("user id is required");
        }
    }

    public static UserId random() {
        return new UserId(UUID.randomUUID());
    }

    public static UserId parse(String text) {
        return new UserId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
