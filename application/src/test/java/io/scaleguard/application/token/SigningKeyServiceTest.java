package io.scaleguard.application.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scaleguard.application.MutableClock;
import io.scaleguard.application.port.in.PublishedKey;
import io.scaleguard.application.port.in.RotateSigningKeyCommand;
import io.scaleguard.application.port.out.SigningKey;
import io.scaleguard.application.port.out.SigningKeys;
import io.scaleguard.application.port.out.StoreUnavailable;
import io.scaleguard.application.testing.FakeSigningKeyFactory;
import io.scaleguard.application.testing.InMemorySigningKeys;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SigningKeyServiceTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final InMemorySigningKeys keys = new InMemorySigningKeys();
    private final SigningKeyService service = new SigningKeyService(keys, new FakeSigningKeyFactory(), clock, Duration.ofMinutes(17));

    @Test
    void makesOneKeyOnFirstStartAndKeepsItOnLaterStarts() {
        service.ensureSigningKey();
        service.ensureSigningKey();
        assertThat(service.publishedKeys()).hasSize(1);
    }

    @Test
    void aRotatedKeySignsAtOnceAndTheOldOneVerifiesUntilItsTokensHaveExpired() {
        service.ensureSigningKey();
        String old = service.publishedKeys().get(0).keyId();
        clock.advance(Duration.ofSeconds(1));
        String fresh = service.rotate(new RotateSigningKeyCommand("test")).newKeyId();
        assertThat(service.publishedKeys()).extracting(PublishedKey::keyId).containsExactly(fresh, old);

        clock.advance(Duration.ofMinutes(17).minusSeconds(1));
        assertThat(service.publishedKeys()).extracting(PublishedKey::keyId).containsExactly(fresh, old);
        clock.advance(Duration.ofSeconds(1));
        assertThat(service.publishedKeys()).extracting(PublishedKey::keyId).containsExactly(fresh);
    }

    @Test
    void aStoreThatCannotListItsKeysFailsTheRotationBeforeAKeyIsAdded() {
        service.ensureSigningKey();
        SigningKeys unreadable = new SigningKeys() {
            @Override
            public List<SigningKey> activeAt(Instant now) {
                throw new StoreUnavailable("signing key k is sealed, and no signing-key secret is configured", null);
            }

            @Override
            public void add(SigningKey key) {
                keys.add(key);
            }

            @Override
            public boolean retire(String keyId, Instant at) {
                return keys.retire(keyId, at);
            }

            @Override
            public int purgeRetiredBefore(Instant cutoff) {
                return keys.purgeRetiredBefore(cutoff);
            }
        };
        SigningKeyService blind = new SigningKeyService(unreadable, new FakeSigningKeyFactory(), clock, Duration.ofMinutes(17));

        assertThatThrownBy(() -> blind.rotate(new RotateSigningKeyCommand("test"))).isInstanceOf(StoreUnavailable.class);
        assertThat(keys.activeAt(clock.instant())).hasSize(1);
    }

    @Test
    void publishesOnlyThePublicHalf() {
        service.ensureSigningKey();
        PublishedKey key = service.publishedKeys().get(0);
        assertThat(key.publicKeyX509()).startsWith("public-");
        assertThat(key.toString()).doesNotContain("private-");
    }
}
