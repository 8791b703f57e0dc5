package io.scaleguard.application.port.out;

import io.scaleguard.domain.auth.Password;

/**
 * Hashes and verifies passwords (a PHC string such as {@code $argon2id$v=19$m=19456,t=2,p=1$...}).
 * Hashing is deliberately expensive, so implementations bound how many run at once and throw
 * {@link PasswordHashingBusy} instead of queueing without end.
 */
public interface PasswordHasher {

    String hash(Password password);

    /** Constant-time comparison. A malformed stored hash verifies as false. */
    boolean verify(Password password, String encodedHash);

    /** Whether a stored hash was made with other parameters than the current ones, and should be replaced. */
    boolean needsRehash(String encodedHash);
}
