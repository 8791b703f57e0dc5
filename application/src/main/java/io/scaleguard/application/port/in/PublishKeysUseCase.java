package io.scaleguard.application.port.in;

import java.util.List;

/** The public halves of the keys that verify access tokens now, for the JWKS document every replica serves. */
public interface PublishKeysUseCase {

    /** Newest first; the first one signs new tokens. */
    List<PublishedKey> publishedKeys();
}
