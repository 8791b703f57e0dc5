package io.scaleguard.adapters.rest.bearer;

import io.scaleguard.application.port.in.QuotaDecision;
import io.scaleguard.domain.ratelimit.Decision;
import io.scaleguard.domain.ratelimit.Limit;
import jakarta.ws.rs.core.MultivaluedMap;

/**
 * The IETF RateLimit header fields (draft-ietf-httpapi-ratelimit-headers) of one decision:
 * {@code RateLimit-Policy: "<policy>";q=<capacity>;w=<seconds to fill>} and
 * {@code RateLimit: "<policy>";r=<remaining>;t=<seconds until full>}, both from the limit that decided.
 */
final class RateLimitHeaders {

    static final String POLICY = "RateLimit-Policy";
    static final String LIMIT = "RateLimit";

    private RateLimitHeaders() {
    }

    static void write(QuotaDecision quota, MultivaluedMap<String, Object> headers) {
        Decision decision = quota.decision();
        Limit limit = decision.limit();
        String name = '"' + quota.policy().name() + '"';
        headers.putSingle(POLICY, name + ";q=" + limit.capacity() + ";w=" + limit.windowSeconds());
        headers.putSingle(LIMIT, name + ";r=" + decision.remaining() + ";t=" + decision.resetAfterSeconds());
    }
}
