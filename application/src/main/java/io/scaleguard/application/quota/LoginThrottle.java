package io.scaleguard.application.quota;

import io.scaleguard.application.port.in.ChargeQuotaCommand;
import io.scaleguard.application.port.in.ChargeQuotaUseCase;
import io.scaleguard.application.port.in.QuotaDecision;
import io.scaleguard.application.ratelimit.RatePolicies;
import io.scaleguard.domain.auth.Username;
import io.scaleguard.domain.ratelimit.BucketKey;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Brute-force protection: every password attempt is charged to the client IP's bucket and to the username's bucket,
 * through the same engine as every other limit. A refused attempt is refused before any password is checked, so a
 * right password after the limit is still refused until the wait is over.
 */
public final class LoginThrottle {

    private static final Pattern SAFE_ADDRESS = Pattern.compile("[0-9A-Za-z.:%_-]{1,64}");

    private final ChargeQuotaUseCase quota;
    private final RatePolicies policies;

    public LoginThrottle(ChargeQuotaUseCase quota, RatePolicies policies) {
        this.quota = quota;
        this.policies = policies;
    }

    /**
     * Charges one attempt from this client's network; the wait when it is over its limit. An IPv4 client is one
     * address, an IPv6 client its /64: one subscriber commonly holds a whole /64, and would otherwise get 2^64 buckets.
     */
    public Optional<Duration> chargeAddress(String clientIp) {
        String address = clientIp != null && SAFE_ADDRESS.matcher(clientIp).matches() ? clientIp : "unknown";
        return charge(BucketKey.of("login-ip", network(address)), RatePolicies.LOGIN_IP);
    }

    /** The /64 of a full-form IPv6 address (as the REST adapter writes them: eight groups), else the address itself. */
    static String network(String address) {
        String withoutZone = address.indexOf('%') >= 0 ? address.substring(0, address.indexOf('%')) : address;
        String[] groups = withoutZone.split(":", -1);
        if (groups.length != 8) {
            return address;
        }
        return String.join(":", groups[0], groups[1], groups[2], groups[3]) + "::/64";
    }

    /** Charges one attempt on this account; the wait when it is over its limit. */
    public Optional<Duration> chargeUsername(Username username) {
        return charge(BucketKey.of("login-user", username.value()), RatePolicies.LOGIN_USERNAME);
    }

    private Optional<Duration> charge(BucketKey key, String policy) {
        QuotaDecision decision = quota.charge(new ChargeQuotaCommand(key, policies.require(policy), 1));
        return decision.refused() ? Optional.of(decision.decision().retryAfter()) : Optional.empty();
    }
}
