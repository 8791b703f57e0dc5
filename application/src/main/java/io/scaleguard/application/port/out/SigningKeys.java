package io.scaleguard.application.port.out;

import java.time.Instant;
import java.util.List;

/** Where signing keys are kept, shared by every replica. */
public interface SigningKeys {

    /** Every key not yet retired at {@code now}, newest first. */
    List<SigningKey> activeAt(Instant now);

    void add(SigningKey key);

    /** Sets the retirement time of a key; it keeps verifying until then. @return false for an unknown key */
    boolean retire(String keyId, Instant at);

    /**
     * Deletes the keys retired before {@code cutoff}: they verify nothing any more, and a private key kept for nothing
     * is a private key that can leak. @return how many were deleted
     */
    int purgeRetiredBefore(Instant cutoff);
}
