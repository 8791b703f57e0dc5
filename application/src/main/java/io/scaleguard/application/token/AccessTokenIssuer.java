package io.scaleguard.application.token;

import io.scaleguard.application.port.out.AccessTokenClaims;
import io.scaleguard.application.port.out.TokenCodec;
import io.scaleguard.domain.auth.Principal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.UUID;

/** Mints the access token of a principal: fresh id, issued now, expiring after the configured lifetime. */
final class AccessTokenIssuer {

    private final TokenCodec codec;
    private final Duration ttl;
    private final Clock clock;

    AccessTokenIssuer(TokenCodec codec, Duration ttl, Clock clock) {
        this.codec = codec;
        this.ttl = ttl;
        this.clock = clock;
    }

    String issue(Principal principal, Set<String> scopes) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        return codec.encode(new AccessTokenClaims(principal.id(), principal.username(), principal.plan(), principal.roles(),
                scopes, UUID.randomUUID().toString(), now, now.plus(ttl)));
    }

    Duration ttl() {
        return ttl;
    }
}
