package io.scaleguard.application.token;

import io.scaleguard.application.port.in.PublishKeysUseCase;
import io.scaleguard.application.port.in.PublishedKey;
import io.scaleguard.application.port.in.RotateSigningKeyCommand;
import io.scaleguard.application.port.in.RotateSigningKeyUseCase;
import io.scaleguard.application.port.out.SigningKey;
import io.scaleguard.application.port.out.SigningKeyFactory;
import io.scaleguard.application.port.out.SigningKeys;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The life of signing keys, shared by every replica through the store: one is made on first start, rotation makes a
 * new one that signs at once, and every older key keeps verifying for {@code verifyFor} (the longest a token it signed
 * can still be valid, plus the time replicas take to notice the new key), then retires.
 */
public final class SigningKeyService implements PublishKeysUseCase, RotateSigningKeyUseCase {

    private static final System.Logger LOG = System.getLogger(SigningKeyService.class.getName());

    private final SigningKeys keys;
    private final SigningKeyFactory factory;
    private final Clock clock;
    private final Duration verifyFor;

    public SigningKeyService(SigningKeys keys, SigningKeyFactory factory, Clock clock, Duration verifyFor) {
        this.keys = keys;
        this.factory = factory;
        this.clock = clock;
        this.verifyFor = verifyFor;
    }

    /**
     * Makes a key when none signs yet (first start). Replicas starting at once may each make one; that is harmless,
     * since every active key verifies and the newest signs.
     */
    public void ensureSigningKey() {
        Instant now = clock.instant();
        if (keys.activeAt(now).stream().noneMatch(key -> key.retiredAt() == null)) {
            SigningKey key = factory.newKey(now);
            keys.add(key);
            LOG.log(System.Logger.Level.INFO, "created signing key {0}", key.keyId());
        }
    }

    @Override
    public RotatedKey rotate(RotateSigningKeyCommand command) {
        Instant now = clock.instant();
        // Read before writing: a store that cannot list its keys (unreachable, or holding keys sealed under a secret
        // this process lacks) fails the rotation before a key is added.
        List<SigningKey> older = keys.activeAt(now);
        SigningKey fresh = factory.newKey(now);
        keys.add(fresh);
        Instant retirement = now.plus(verifyFor);
        for (SigningKey old : older) {
            if (old.retiredAt() == null || old.retiredAt().isAfter(retirement)) {
                keys.retire(old.keyId(), retirement);
            }
        }
        LOG.log(System.Logger.Level.INFO, "rotated signing keys ({0}): {1} signs now; older keys verify until {2}",
                command.reason(), fresh.keyId(), retirement);
        return new RotatedKey(fresh.keyId());
    }

    @Override
    public List<PublishedKey> publishedKeys() {
        return keys.activeAt(clock.instant()).stream()
                .map(key -> new PublishedKey(key.keyId(), key.algorithm(), key.publicKeyX509())).toList();
    }
}
