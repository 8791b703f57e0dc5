package io.scaleguard.application.token;

import static org.assertj.core.api.Assertions.assertThat;

import io.scaleguard.application.port.in.RevokeTokenCommand;
import io.scaleguard.application.port.out.RefreshToken;
import io.scaleguard.application.port.out.RefreshTokens.Use;
import io.scaleguard.application.testing.InMemoryRefreshTokens;
import io.scaleguard.domain.auth.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RevokeTokenServiceTest {

    private final InMemoryRefreshTokens refreshTokens = new InMemoryRefreshTokens();
    private final RevokeTokenService service = new RevokeTokenService(refreshTokens);

    @Test
    void revokesThePresentedRefreshTokensFamilyAndIgnoresAnythingElse() {
        String token = OpaqueTokens.generate();
        UUID family = UUID.randomUUID();
        RefreshToken stored = new RefreshToken(OpaqueTokens.hash(token), family, UserId.random(), Set.of(), Instant.now(),
                Instant.now().plus(Duration.ofDays(1)));
        refreshTokens.save(stored);
        service.revoke(new RevokeTokenCommand("eyJhbGciOiJSUzI1NiJ9.an.access-token"));
        service.revoke(new RevokeTokenCommand(null));
        service.revoke(new RevokeTokenCommand(OpaqueTokens.generate()));
        assertThat(refreshTokens.use(stored.tokenHash(), Instant.now())).isInstanceOf(Use.Fresh.class);

        RefreshToken sibling = new RefreshToken(OpaqueTokens.hash(OpaqueTokens.generate()), family, stored.userId(), Set.of(),
                Instant.now(), Instant.now().plus(Duration.ofDays(1)));
        refreshTokens.save(sibling);
        service.revoke(new RevokeTokenCommand(token));
        assertThat(refreshTokens.use(sibling.tokenHash(), Instant.now())).isEqualTo(new Use.Invalid());
    }
}
