package io.scaleguard.domain.auth;

import java.util.regex.Pattern;

/** The name of a user's rate plan, which selects the limits charged on each request. */
public record Plan(String name) {

    // Declared before DEFAULT: static fields initialise in order, and DEFAULT's constructor needs the pattern.
    private static final Pattern ALLOWED = Pattern.compile("[a-z0-9][a-z0-9_-]{0,31}");
    public static final Plan DEFAULT = new Plan("default");

    public Plan {
        if (name == null || !ALLOWED.matcher(name).matches()) {
            throw new IllegalArgumentException("plan must be 1-32 characters of a-z, 0-9, '_' or '-'");
        }
    }
}
