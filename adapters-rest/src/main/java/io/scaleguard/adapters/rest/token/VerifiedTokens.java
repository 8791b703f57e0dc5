package io.scaleguard.adapters.rest.token;

import io.scaleguard.application.port.out.AccessTokenClaims;
import java.time.Instant;
import java.util.Iterator;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tokens whose signature and claims were verified, keyed by their exact text, until they expire or their key retires:
 * a client re-using its token skips the RSA verification. The size is bounded; when full, expired entries go first,
 * then arbitrary ones (an entry lost is one more verification, never a wrong answer).
 */
final class VerifiedTokens {

    record Entry(AccessTokenClaims claims, String keyId, Instant validUntil) {
    }

    private final int maxEntries;
    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();

    VerifiedTokens(int maxEntries) {
        this.maxEntries = maxEntries;
    }

    Optional<Entry> get(String token, Instant now) {
        Entry entry = entries.get(token);
        if (entry == null) {
            return Optional.empty();
        }
        if (!now.isBefore(entry.validUntil())) {
            entries.remove(token, entry);
            return Optional.empty();
        }
        return Optional.of(entry);
    }

    void put(String token, Entry entry, Instant now) {
        if (entries.size() >= maxEntries) {
            makeRoom(now);
        }
        entries.put(token, entry);
    }

    void forget(String token) {
        entries.remove(token);
    }

    /** Drops every token verified with this key: its stored record changed, so they are verified again under the new one. */
    void forgetSignedBy(String keyId) {
        entries.values().removeIf(entry -> entry.keyId().equals(keyId));
    }

    int size() {
        return entries.size();
    }

    private void makeRoom(Instant now) {
        entries.values().removeIf(entry -> !now.isBefore(entry.validUntil()));
        // Still full of live tokens: drop a tenth, so that the next puts do not sweep again at once.
        Iterator<String> tokens = entries.keySet().iterator();
        for (int dropped = 0, excess = entries.size() - maxEntries * 9 / 10; dropped < excess && tokens.hasNext(); dropped++) {
            tokens.next();
            tokens.remove();
        }
    }
}
