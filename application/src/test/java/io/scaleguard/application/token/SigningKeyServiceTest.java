package io.scaleguard.application.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scaleguard.application.MutableClock;
import io.scaleguard.application.port.in.PublishedKey;
import io.scaleguard.application.port.in.RotateSigningKeyCommand;
import io.scaleguard.application.port.out.StoreUnavailable;
import io.scaleguard.application.testing.FakeSigningKeyFactory;
import io.scaleguard.application.testing.InMemorySigningKeys;
import io.scaleguard.application.testing.ObservedSigningKeys;
import java.time.Duration;
import java.time.Instant;
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
        ObservedSigningKeys unreadable = new ObservedSigningKeys();
        unreadable.down = true;
        SigningKeyService blind = new SigningKeyService(unreadable, new FakeSigningKeyFactory(), clock, Duration.ofMinutes(17));

        assertThatThrownBy(() -> blind.rotate(new RotateSigningKeyCommand("test"))).isInstanceOf(StoreUnavailable.class);
        assertThat(unreadable.keys.activeAt(clock.instant())).isEmpty();
    }

    @Test
    void publishesOnlyThePublicHalf() {
        service.ensureSigningKey();
        PublishedKey key = service.publishedKeys().get(0);
        assertThat(key.publicKeyX509()).startsWith("public-");
        assertThat(key.toString()).doesNotContain("private-");
    }
}
