package io.scaleguard.application.port.out;

import java.time.Instant;

/** Makes new signing key pairs of the algorithm the token codec signs with. */
public interface SigningKeyFactory {

    SigningKey newKey(Instant createdAt);
}
