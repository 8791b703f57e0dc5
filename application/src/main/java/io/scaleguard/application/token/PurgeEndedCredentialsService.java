package io.scaleguard.application.token;

import io.scaleguard.application.port.in.PurgeEndedCredentialsCommand;
import io.scaleguard.application.port.in.PurgeEndedCredentialsUseCase;
import io.scaleguard.application.port.out.RefreshTokens;
import io.scaleguard.application.port.out.SigningKeys;
import java.time.Clock;
import java.time.Instant;

/** Keeps the credential tables as small as the credentials that can still be used. */
public final class PurgeEndedCredentialsService implements PurgeEndedCredentialsUseCase {

    private final RefreshTokens refreshTokens;
    private final SigningKeys signingKeys;
    private final Clock clock;

    public PurgeEndedCredentialsService(RefreshTokens refreshTokens, SigningKeys signingKeys, Clock clock) {
        this.refreshTokens = refreshTokens;
        this.signingKeys = signingKeys;
        this.clock = clock;
    }

    @Override
    public Purged purge(PurgeEndedCredentialsCommand command) {
        Instant cutoff = clock.instant().minus(command.keepFor());
        return new Purged(refreshTokens.purgeEndedBefore(cutoff), signingKeys.purgeRetiredBefore(cutoff));
    }
}
