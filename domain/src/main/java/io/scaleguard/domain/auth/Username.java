package io.scaleguard.domain.auth;

import java.util.Locale;
import java.util.regex.Pattern;

/** A login name, compared without regard to case: it is stored in lower case. */
public record Username(String value) {

    private static final Pattern ALLOWED = Pattern.compile("[a-z0-9][a-z0-9._-]{2,31}");

    public Username {
        if (value == null) {
            throw new IllegalArgumentException("username is required");
        }
        value = value.toLowerCase(Locale.ROOT);
        if (!ALLOWED.matcher(value).matches()) {
            throw new IllegalArgumentException("username must be 3-32 characters of a-z, 0-9, '.', '_' or '-', starting with a letter or digit");
        }
    }
}
