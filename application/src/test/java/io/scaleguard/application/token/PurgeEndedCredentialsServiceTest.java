package io.scaleguard.application.token;

import static org.assertj.core.api.Assertions.assertThat;

import io.scaleguard.application.MutableClock;
import io.scaleguard.application.port.in.PurgeEndedCredentialsCommand;
import io.scaleguard.application.port.in.PurgeEndedCredentialsUseCase.Purged;
import io.scaleguard.application.port.in.RotateSigningKeyCommand;
import io.scaleguard.application.port.out.RefreshToken;
import io.scaleguard.application.testing.FakeSigningKeyFactory;
import io.scaleguard.application.testing.InMemoryRefreshTokens;
import io.scaleguard.application.testing.InMemorySigningKeys;
import io.scaleguard.domain.auth.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PurgeEndedCredentialsServiceTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final InMemoryRefreshTokens refreshTokens = new InMemoryRefreshTokens();
    private final InMemorySigningKeys signingKeys = new InMemorySigningKeys();
    private final PurgeEndedCredentialsService service = new PurgeEndedCredentialsService(refreshTokens, signingKeys, clock);

    @Test
    void deletesWhatEndedBeforeTheKeepPeriodAndNothingElse() {
        RefreshToken ended = new RefreshToken(OpaqueTokens.hash(OpaqueTokens.generate()), UUID.randomUUID(), UserId.random(),
                Set.of(), clock.instant(), clock.instant().plus(Duration.ofHours(12)));
        RefreshToken live = new RefreshToken(OpaqueTokens.hash(OpaqueTokens.generate()), UUID.randomUUID(), UserId.random(),
                Set.of(), clock.instant(), clock.instant().plus(Duration.ofDays(14)));
        refreshTokens.save(ended);
        refreshTokens.save(live);
        SigningKeyService keys = new SigningKeyService(signingKeys, new FakeSigningKeyFactory(), clock, Duration.ofMinutes(17));
        keys.ensureSigningKey();
        keys.rotate(new RotateSigningKeyCommand("test"));

        clock.advance(Duration.ofDays(2));
        assertThat(service.purge(new PurgeEndedCredentialsCommand(Duration.ofDays(1)))).isEqualTo(new Purged(1, 1));
        assertThat(refreshTokens.byHash(ended.tokenHash())).isEmpty();
        assertThat(refreshTokens.byHash(live.tokenHash())).isPresent();
        assertThat(keys.publishedKeys()).as("the signing key stays").hasSize(1);
    }
}
