package io.scaleguard.application.token;

import java.time.Duration;
import java.util.Set;

/**
 * How tokens are issued: the access-token lifetime (short: minutes), the absolute lifetime of a login's refresh-token
 * family (however often it rotates), and the scopes a client may ask for (all of them when it asks for none).
 */
public record TokenSettings(Duration accessTokenTtl, Duration refreshTokenLifetime, Set<String> scopes) {

    public TokenSettings {
        if (accessTokenTtl == null || accessTokenTtl.isNegative() || accessTokenTtl.isZero()
                || refreshTokenLifetime == null || refreshTokenLifetime.compareTo(accessTokenTtl) < 0) {
            throw new IllegalArgumentException("token lifetimes must be positive, the refresh lifetime at least the access one");
        }
        if (scopes == null || scopes.isEmpty()) {
            throw new IllegalArgumentException("at least one scope is needed");
        }
        scopes = Set.copyOf(scopes);
    }
}
