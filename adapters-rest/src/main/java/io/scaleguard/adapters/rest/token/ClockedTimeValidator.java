package io.scaleguard.adapters.rest.token;

import java.time.Clock;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.NumericDate;
import org.jose4j.jwt.consumer.ErrorCodeValidator;
import org.jose4j.jwt.consumer.ErrorCodes;
import org.jose4j.jwt.consumer.JwtContext;

/**
 * The time checks of an access token against the codec's {@link Clock} (jose4j's own validator reads the system
 * clock, or one fixed instant): {@code exp} and {@code iat} required, not expired, {@code iat} and {@code nbf} not in
 * the future, and no lifetime longer than we ever issue, each within a small skew between replicas.
 */
final class ClockedTimeValidator implements ErrorCodeValidator {

    private final Clock clock;
    private final long skewSeconds;
    private final long maxLifetimeSeconds;

    ClockedTimeValidator(Clock clock, long skewSeconds, long maxLifetimeSeconds) {
        this.clock = clock;
        this.skewSeconds = skewSeconds;
        this.maxLifetimeSeconds = maxLifetimeSeconds;
    }

    @Override
    public Error validate(JwtContext context) throws MalformedClaimException {
        JwtClaims claims = context.getJwtClaims();
        NumericDate expires = claims.getExpirationTime();
        NumericDate issued = claims.getIssuedAt();
        NumericDate notBefore = claims.getNotBefore();
        if (expires == null) {
            return new Error(ErrorCodes.EXPIRATION_MISSING, "no exp claim");
        }
        if (issued == null) {
            return new Error(ErrorCodes.ISSUED_AT_MISSING, "no iat claim");
        }
        long now = clock.instant().getEpochSecond();
        if (now - skewSeconds >= expires.getValue()) {
            return new Error(ErrorCodes.EXPIRED, "expired at " + expires.getValue() + ", now " + now);
        }
        if (issued.getValue() > now + skewSeconds) {
            return new Error(ErrorCodes.ISSUED_AT_INVALID_FUTURE, "issued in the future at " + issued.getValue() + ", now " + now);
        }
        if (notBefore != null && notBefore.getValue() > now + skewSeconds) {
            return new Error(ErrorCodes.NOT_YET_VALID, "not valid before " + notBefore.getValue() + ", now " + now);
        }
        if (expires.getValue() - now > maxLifetimeSeconds) {
            return new Error(ErrorCodes.EXPIRATION_TOO_FAR_IN_FUTURE, "expires too far in the future");
        }
        return null;
    }
}
