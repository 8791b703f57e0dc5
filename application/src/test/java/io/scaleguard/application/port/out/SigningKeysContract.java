package io.scaleguard.application.port.out;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What every store of signing keys must do. Other tests' keys may share the store, so assertions look at their own. */
public abstract class SigningKeysContract {

    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    protected abstract SigningKeys keys();

    private SigningKey key(Instant createdAt) {
        return new SigningKey("k-" + UUID.randomUUID(), "RS256", "cHJpdmF0ZQ==", "cHVibGlj", createdAt, null);
    }

    @Test
    void listsActiveKeysNewestFirstWithTheirMaterial() {
        SigningKey older = key(NOW.minusSeconds(20));
        SigningKey newer = key(NOW.minusSeconds(10));
        keys().add(older);
        keys().add(newer);
        assertThat(keys().activeAt(NOW)).containsSubsequence(newer, older);
    }

    @Test
    void aRetiredKeyVerifiesUntilItsRetirementAndNotAfter() {
        SigningKey key = key(NOW.minusSeconds(5));
        keys().add(key);
        Instant retirement = NOW.plus(Duration.ofMinutes(15));
        assertThat(keys().retire(key.keyId(), retirement)).isTrue();
        SigningKey retiring = new SigningKey(key.keyId(), key.algorithm(), key.privateKeyPkcs8(), key.publicKeyX509(),
                key.createdAt(), retirement);
        assertThat(keys().activeAt(NOW)).contains(retiring);
        assertThat(keys().activeAt(retirement)).extracting(SigningKey::keyId).doesNotContain(key.keyId());
    }

    @Test
    void retiringAnUnknownKeySaysSo() {
        assertThat(keys().retire("k-" + UUID.randomUUID(), NOW)).isFalse();
    }

    @Test
    void purgesKeysRetiredBeforeTheCutoffAndKeepsTheOthers() {
        SigningKey retired = key(NOW.minusSeconds(120));
        SigningKey retiring = key(NOW.minusSeconds(60));
        SigningKey active = key(NOW.minusSeconds(30));
        keys().add(retired);
        keys().add(retiring);
        keys().add(active);
        keys().retire(retired.keyId(), NOW.minusSeconds(10));
        keys().retire(retiring.keyId(), NOW.plusSeconds(600));
        assertThat(keys().purgeRetiredBefore(NOW)).isPositive();
        assertThat(keys().retire(retired.keyId(), NOW)).as("gone").isFalse();
        assertThat(keys().activeAt(NOW)).extracting(SigningKey::keyId).contains(retiring.keyId(), active.keyId());
    }
}
