package io.scaleguard.domain.ratelimit;

import java.util.regex.Pattern;

/**
 * Whose bucket: a subject such as {@code user:7f3c...} or {@code login-ip:203.0.113.9}.
 * Printable ASCII without spaces or braces, so adapters may wrap it in a Redis Cluster hash tag.
 */
public record BucketKey(String value) {

    private static final Pattern ALLOWED = Pattern.compile("[!-z|~]{1,200}");

    public BucketKey {
        if (value == null || !ALLOWED.matcher(value).matches()) {
            throw new IllegalArgumentException("bucket key must be 1-200 printable ASCII characters without spaces or braces");
        }
    }

    public static BucketKey of(String kind, String subject) {
        return new BucketKey(kind + ":" + subject);
    }
}
