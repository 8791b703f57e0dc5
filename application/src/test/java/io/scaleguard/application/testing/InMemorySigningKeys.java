package io.scaleguard.application.testing;

import io.scaleguard.application.port.out.SigningKey;
import io.scaleguard.application.port.out.SigningKeys;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Signing keys in a list, shared by every codec and service a test builds over it, as replicas share a database. */
public final class InMemorySigningKeys implements SigningKeys {

    private final List<SigningKey> keys = new ArrayList<>();

    @Override
    public synchronized List<SigningKey> activeAt(Instant now) {
        return keys.stream().filter(k -> k.activeAt(now))
                .sorted(Comparator.comparing(SigningKey::createdAt).reversed()).toList();
    }

    @Override
    public synchronized void add(SigningKey key) {
        if (keys.stream().anyMatch(k -> k.keyId().equals(key.keyId()))) {
            throw new IllegalArgumentException("key " + key.keyId() + " exists");
        }
        keys.add(key);
    }

    @Override
    public synchronized int purgeRetiredBefore(Instant cutoff) {
        int before = keys.size();
        keys.removeIf(k -> k.retiredAt() != null && k.retiredAt().isBefore(cutoff));
        return before - keys.size();
    }

    @Override
    public synchronized boolean retire(String keyId, Instant at) {
        for (int i = 0; i < keys.size(); i++) {
            SigningKey k = keys.get(i);
            if (k.keyId().equals(keyId)) {
                keys.set(i, new SigningKey(k.keyId(), k.algorithm(), k.privateKeyPkcs8(), k.publicKeyX509(), k.createdAt(), at));
                return true;
            }
        }
        return false;
    }
}
