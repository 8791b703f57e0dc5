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
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * The store's RS256 keys, decoded once and kept. The set is read again by the first caller that needs a key once it is
 * older than {@link #REFRESH} (so a rotation or retirement made by another replica is seen soon; the codec's remembered
 * tokens need no key and do not count), and at once for a {@code kid} we do not know, at most once per
 * {@link #MIN_RELOAD_GAP}: a token signed by a key another replica just created verifies, and a flood of forged
 * {@code kid}s costs one store read a second. When the store cannot be read, the keys already known stay in use.
 *
 * <p>Once a set is known, no caller ever waits for the store: the one thread that takes the reload lock reads it, and
 * every other goes on with the set it has, so a slow or hanging database stalls one request instead of every
 * verification. Only the very first load is waited for, since there is nothing to verify with before it.
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
    private final Consumer<String> changed;
    private final ReentrantLock reloading = new ReentrantLock();
    private volatile Snapshot snapshot;
    /** When a first load last failed; guarded by {@link #reloading}. */
    private Instant firstLoadFailedAt;

    /**
     * @param changed told the id of every known key whose stored record changed (a retirement set or moved) or that is
     *                gone, once a reload has seen it, so that what was derived from the old record can be dropped
     */
    KeyRing(SigningKeys store, Clock clock, Consumer<String> changed) {
        this.store = store;
        this.clock = clock;
        this.changed = changed;
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
        UsableKey key = current(now).byId().get(keyId);
        if (key == null && keyId != null && PLAUSIBLE_KEY_ID.matcher(keyId).matches()) {
            key = reloadUnlessBusy(now).byId().get(keyId);
        }
        return Optional.ofNullable(key).filter(k -> k.stored().activeAt(now));
    }

    /** Reads the keys unless a set is known. @throws StoreUnavailable when no key was ever read and the store cannot be read */
    void ensureLoaded() {
        if (snapshot == null) {
            firstLoad(clock.instant());
        }
    }

    /** The stored record of this id in the set known now, without reading the store; empty before the first load. */
    Optional<SigningKey> known(String keyId) {
        Snapshot seen = snapshot;
        return seen == null ? Optional.empty() : Optional.ofNullable(seen.byId().get(keyId)).map(UsableKey::stored);
    }

    private Snapshot current(Instant now) {
        Snapshot seen = snapshot;
        if (seen == null) {
            return firstLoad(now);
        }
        return now.isBefore(seen.loadedAt().plus(REFRESH)) ? seen : reloadUnlessBusy(now);
    }

    /**
     * Every caller waits for the one load: there is nothing else to use. When it fails, the callers queued behind it
     * are refused at once rather than each waiting out the store again, until {@link #MIN_RELOAD_GAP} has passed.
     */
    private Snapshot firstLoad(Instant now) {
        reloading.lock();
        try {
            Snapshot latest = snapshot;
            if (latest != null) {
                return latest;
            }
            if (firstLoadFailedAt != null && now.isBefore(firstLoadFailedAt.plus(MIN_RELOAD_GAP))) {
                throw new StoreUnavailable("the signing keys could not be read yet", null);
            }
            try {
                snapshot = load(Map.of(), now);
            } catch (StoreUnavailable e) {
                firstLoadFailedAt = now;
                throw e;
            }
            return snapshot;
        } finally {
            reloading.unlock();
        }
    }

    /** Reads the store unless another thread is doing so or did within the gap; then the set known now serves. */
    private Snapshot reloadUnlessBusy(Instant now) {
        if (!reloading.tryLock()) {
            return snapshot;
        }
        try {
            Snapshot latest = snapshot;
            if (now.isBefore(latest.attemptedAt().plus(MIN_RELOAD_GAP))) {
                return latest;
            }
            Snapshot fresh;
            try {
                fresh = load(latest.byId(), now);
            } catch (StoreUnavailable e) {
                // the store's reason is an operator's message (database down, or keys sealed under a secret this
                // replica lacks), never a key or a secret
                LOG.log(Level.WARNING, "signing keys could not be read again (" + e.getMessage() + "); keeping the "
                        + latest.byId().size() + " known");
                fresh = new Snapshot(latest.byId(), latest.newestFirst(), latest.loadedAt(), now);
            }
            snapshot = fresh;
            // After the new set is in place: whoever derived something from an old record meanwhile sees the new one.
            Map<String, UsableKey> kept = fresh.byId();
            latest.byId().forEach((keyId, key) -> {
                UsableKey reread = kept.get(keyId);
                if (reread == null || !reread.stored().equals(key.stored())) {
                    changed.accept(keyId);
                }
            });
            return fresh;
        } finally {
            reloading.unlock();
        }
    }

    private Snapshot load(Map<String, UsableKey> previous, Instant now) {
        Map<String, UsableKey> byId = new LinkedHashMap<>();
        List<UsableKey> newestFirst = new ArrayList<>();
        for (SigningKey stored : store.activeAt(now)) {
            if (!ALGORITHM.equals(stored.algorithm())) {
                continue;
            }
            UsableKey known = previous.get(stored.keyId());
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
