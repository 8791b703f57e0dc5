package io.scaleguard.domain.auth;

/**
 * A clear-text password on its way to the hasher. 8 to 128 characters (code points) of any Unicode but control
 * characters, never truncated or case-folded; it never prints itself.
 */
public record Password(String value) {

    public static final int MIN_LENGTH = 8;
    public static final int MAX_LENGTH = 128;

    public Password {
        if (value == null) {
            throw new IllegalArgumentException("password is required");
        }
        int length = value.codePointCount(0, value.length());
        if (length < MIN_LENGTH || length > MAX_LENGTH) {
            throw new IllegalArgumentException("password must be " + MIN_LENGTH + " to " + MAX_LENGTH + " characters");
        }
        if (value.codePoints().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("password must not contain control characters");
        }
        // A lone surrogate is what invalid UTF-8 or a broken JSON escape leaves behind.
        if (value.codePoints().anyMatch(cp -> cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE)) {
            throw new IllegalArgumentException("password must be valid Unicode");
        }
    }

    @Override
    public String toString() {
        return "Password[****]";
    }
}
