package io.scaleguard.adapters.rest.token;

import static org.assertj.core.api.Assertions.assertThat;

import io.scaleguard.adapters.rest.testing.TokenAttacks;
import io.scaleguard.adapters.rest.testing.TokenForge;
import io.scaleguard.application.MutableClock;
import io.scaleguard.application.port.out.SigningKey;
import io.scaleguard.application.port.out.TokenCodec.Verification;
import io.scaleguard.application.testing.InMemorySigningKeys;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The codec alone against every attack of SECURITY.md: each is refused with a reason fit for a log (without the
 * token itself, a credential), none throws.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ForgedTokensTest {

    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    private final SigningKey key = new RsaSigningKeyFactory().newKey(NOW.minusSeconds(60));
    private final TokenForge forge = new TokenForge(key, NOW);
    private final Jose4jTokenCodec codec;

    ForgedTokensTest() {
        InMemorySigningKeys store = new InMemorySigningKeys();
        store.add(key);
        codec = new Jose4jTokenCodec(store, new MutableClock(NOW), TokenForge.ISSUER, TokenForge.AUDIENCE);
    }

    List<Named<String>> attacks() {
        return TokenAttacks.against(forge, NOW);
    }

    @Test
    void theForgesGenuineTokenIsAcceptedSoEveryRefusalBelowIsTheAttacksDoing() {
        assertThat(codec.decode(forge.genuine())).isInstanceOf(Verification.Valid.class);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("attacks")
    void refuses(String token) {
        Verification verification = codec.decode(token);

        assertThat(verification).isInstanceOf(Verification.Invalid.class);
        String reason = ((Verification.Invalid) verification).reason();
        assertThat(reason).isNotBlank().doesNotContain(token).hasSizeLessThan(1_000);
        assertThat(reason.chars().noneMatch(Character::isISOControl)).isTrue();
    }
}
