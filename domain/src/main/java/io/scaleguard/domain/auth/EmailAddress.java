package io.scaleguard.domain.auth;

import java.util.Locale;
import java.util.regex.Pattern;

/** An e-mail address, stored in lower case so that uniqueness ignores case. Only its shape is checked. */
public record EmailAddress(String value) {

    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+");

    public EmailAddress {
        if (value == null || value.length() > 254 || !SHAPE.matcher(value).matches()) {
            throw new IllegalArgumentException("email must be an address like name@example.org, at most 254 characters");
        }
        value = value.toLowerCase(Locale.ROOT);
    }
}
