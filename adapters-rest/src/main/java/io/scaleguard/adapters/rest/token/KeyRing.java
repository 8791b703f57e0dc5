package io.scaleguard.adapters.rest.token;

import io.scaleguard.application.port.out.SigningKey;
import io.scaleguard.application.port.out.SigningKeys;
import io.scaleguard.application.port.out.StoreUnavailable;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * The store's RS256 keys, decoded once and kept. The set is read again every {@link #REFRESH} (so a rotation or
 * retirement made by another replica is seen soon), and at once for a {@code kid} we do not know, at most once per
 * {@link #MIN_RELOAD_GAP}: a token signed by a key another replica just created verifies, and a flood of forged
 * {@code kid}s costs one store read a second. When the store cannot be read, the keys already known stay in use.
 */
final class KeyRing {

    static final Duration REFRESH = Duration.ofSeconds(30);
    static final Duration MIN_RELOAD_GAP = Duration.ofSeconds(1);
    static final String ALGORITHM = "RS256";
    /** Only what could be one of our key ids makes us ask the store; anything else is simply unknown. */
    private static final Pattern PLAUSIBLE_KEY_ID = Pattern.compile("[A-Za-z0-9._-]{1,128}");
    private static final Logger LOG = Logger.getLogger(KeyRing.class.getName());

    record UsableKey(SigningKey stored, PublicKey publicKey, PrivateKey privateKey) {
    }

    private record Snapshot(Map<String, UsableKey> byId, List<UsableKey> newestFirst, Instant loadedAt, Instant attemptedAt) {
    }

    private final SigningKeys store;
    private final Clock clock;
    private final Object reloading = new Object();
    private volatile Snapshot snapshot;

    KeyRing(SigningKeys store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** The newest key active now. @throws StoreUnavailable when no key was ever read and the store cannot be read */
    UsableKey signingKey() {
        Instant now = clock.instant();
        return current(now).newestFirst().stream().filter(key -> key.stored().activeAt(now)).findFirst()
                .orElseThrow(() -> new IllegalStateException("the key store holds no active " + ALGORITHM + " signing key"));
    }

    /** The key of this id, while it is active. @throws StoreUnavailable when no key was ever read and the store cannot be read */
    Optional<UsableKey> verificationKey(String keyId) {
        Instant now = clock.instant();
        Snapshot seen = current(now);
        UsableKey key = seen.byId().get(keyId);
        if (key == null && keyId != null && PLAUSIBLE_KEY_ID.matcher(keyId).matches()) {
            key = reload(seen, now).byId().get(keyId);
        }
        return Optional.ofNullable(key).filter(k -> k.stored().activeAt(now));
    }

    private Snapshot current(Instant now) {
        Snapshot seen = snapshot;
        if (seen == null || !now.isBefore(seen.loadedAt().plus(REFRESH))) {
            return reload(seen, now);
        }
        return seen;
    }

    private Snapshot reload(Snapshot seen, Instant now) {
        synchronized (reloading) {
            Snapshot latest = snapshot;
            if (latest != seen) {
                return latest;
            }
            if (latest != null && now.isBefore(latest.attemptedAt().plus(MIN_RELOAD_GAP))) {
                return latest;
            }
            try {
                snapshot = load(now);
            } catch (StoreUnavailable e) {
                if (latest == null) {
                    throw e;
                }
                LOG.log(Level.WARNING, "signing keys could not be read again; keeping the " + latest.byId().size() + " known");
                snapshot = new Snapshot(latest.byId(), latest.newestFirst(), latest.loadedAt(), now);
            }
            return snapshot;
        }
    }

    private Snapshot load(Instant now) {
        Snapshot previous = snapshot;
        Map<String, UsableKey> byId = new LinkedHashMap<>();
        List<UsableKey> newestFirst = new ArrayList<>();
        for (SigningKey stored : store.activeAt(now)) {
            if (!ALGORITHM.equals(stored.algorithm())) {
                continue;
            }
            UsableKey known = previous == null ? null : previous.byId().get(stored.keyId());
            Optional<UsableKey> usable = known != null && known.stored().equals(stored) ? Optional.of(known) : decode(stored);
            usable.ifPresent(key -> {
                byId.put(stored.keyId(), key);
                newestFirst.add(key);
            });
        }
        return new Snapshot(Map.copyOf(byId), List.copyOf(newestFirst), now, now);
    }

    private static Optional<UsableKey> decode(SigningKey stored) {
        try {
            return Optional.of(new UsableKey(stored, KeyMaterial.publicKey(stored.algorithm(), stored.publicKeyX509()),
                    KeyMaterial.privateKey(stored.algorithm(), stored.privateKeyPkcs8())));
        } catch (IllegalArgumentException damaged) {
            LOG.log(Level.WARNING, "signing key " + stored.keyId() + " cannot be decoded and is not used");
            return Optional.empty();
        }
    }
}
