package io.scaleguard.domain.ratelimit;

/**
 * Whose bucket: a subject such as {@code user:7f3c...} or {@code login-ip:203.0.113.9}.
 * Printable ASCII without spaces or braces, so adapters may wrap it in a Redis Cluster hash tag.
 */
public record BucketKey(String value) {

    private static final int MAX_LENGTH = 200;

    public BucketKey {
        if (value == null || value.isEmpty() || value.length() > MAX_LENGTH || !value.chars().allMatch(BucketKey::allowed)) {
            throw new IllegalArgumentException("bucket key must be 1-200 printable ASCII characters without spaces or braces");
        }
    }

    /**
     * Checked by hand rather than by a regular expression: every guarded request builds a key, and a regex's character
     * class was a measurable share of the request's CPU.
     */
    private static boolean allowed(int c) {
        return c >= '!' && c <= '~' && c != '{' && c != '}';
    }

    public static BucketKey of(String kind, String subject) {
        return new BucketKey(kind + ":" + subject);
    }
}
