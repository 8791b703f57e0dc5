package io.scaleguard.application.testing;

import io.scaleguard.application.port.out.AccessTokenClaims;
import io.scaleguard.application.port.out.TokenCodec;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** Tokens as random handles to the claims they were made from; expired by the given clock, like a signed token. */
public final class FakeTokenCodec implements TokenCodec {

    private final Map<String, AccessTokenClaims> issued = new ConcurrentHashMap<>();
    private final Clock clock;

    public FakeTokenCodec(Clock clock) {
        this.clock = clock;
    }

    @Override
    public String encode(AccessTokenClaims claims) {
        String token = "fake." + UUID.randomUUID();
        issued.put(token, claims);
        return token;
    }

    @Override
    public Verification decode(String token) {
        AccessTokenClaims claims = issued.get(token);
        if (claims == null) {
            return new Verification.Invalid("unknown token");
        }
        if (!claims.expiresAt().isAfter(clock.instant())) {
            return new Verification.Invalid("expired");
        }
        return new Verification.Valid(claims);
    }
}
