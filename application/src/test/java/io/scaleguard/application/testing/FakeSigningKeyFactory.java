package io.scaleguard.application.testing;

import io.scaleguard.application.port.out.SigningKey;
import io.scaleguard.application.port.out.SigningKeyFactory;
import java.time.Instant;
import java.util.UUID;

/** Keys with placeholder material: enough for the services, which never look inside a key. */
public final class FakeSigningKeyFactory implements SigningKeyFactory {

    @Override
    public SigningKey newKey(Instant createdAt) {
        String id = UUID.randomUUID().toString();
        return new SigningKey("k-" + id, "RS256", "private-" + id, "public-" + id, createdAt, null);
    }
}
