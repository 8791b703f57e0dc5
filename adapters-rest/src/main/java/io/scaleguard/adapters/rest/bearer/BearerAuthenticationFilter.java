package io.scaleguard.adapters.rest.bearer;

import io.scaleguard.adapters.rest.problem.Problems;
import io.scaleguard.application.port.in.AuthorizeRequestCommand;
import io.scaleguard.application.port.in.AuthorizeRequestUseCase;
import io.scaleguard.application.port.in.AuthorizeRequestUseCase.AuthorizationResult;
import io.scaleguard.application.port.in.QuotaDecision;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The gate of every {@link BearerProtected} endpoint: reads the bearer token, has the use case verify it and charge
 * the caller's bucket, and refuses with RFC 6750 (401) or 429. Every answer of a charged request, refused or not,
 * carries the RateLimit headers of the decision.
 */
@BearerProtected
@Priority(Priorities.AUTHENTICATION)
public final class BearerAuthenticationFilter implements ContainerRequestFilter, ContainerResponseFilter {

    /** Request property holding the verified {@link io.scaleguard.domain.auth.Principal} of an admitted request. */
    public static final String PRINCIPAL_PROPERTY = "io.scaleguard.principal";
    /** Request property holding the {@link QuotaDecision} charged for the request. */
    static final String QUOTA_PROPERTY = "io.scaleguard.quota";

    private static final Logger LOG = Logger.getLogger(BearerAuthenticationFilter.class.getName());
    private static final String CHALLENGE = "Bearer realm=\"scaleguard\"";
    private static final String INVALID_TOKEN = CHALLENGE + ", error=\"invalid_token\"";
    /** What one protected request costs of the caller's bucket. */
    private static final long COST = 1;

    private final AuthorizeRequestUseCase authorizeRequest;

    public BearerAuthenticationFilter(AuthorizeRequestUseCase authorizeRequest) {
        this.authorizeRequest = authorizeRequest;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        BearerCredentials credentials = BearerCredentials.from(request.getHeaders().get(HttpHeaders.AUTHORIZATION));
        if (credentials instanceof BearerCredentials.Absent) {
            request.abortWith(unauthorized(CHALLENGE, "This endpoint needs a bearer access token."));
            return;
        }
        if (credentials instanceof BearerCredentials.Malformed malformed) {
            LOG.log(Level.FINE, "refused bearer credentials: {0}", malformed.reason());
            request.abortWith(unauthorized(INVALID_TOKEN, "The access token is not acceptable."));
            return;
        }
        String token = ((BearerCredentials.Token) credentials).value();
        AuthorizationResult result = authorizeRequest.authorize(new AuthorizeRequestCommand(token, COST));
        if (result instanceof AuthorizationResult.Authorized authorized) {
            request.setProperty(PRINCIPAL_PROPERTY, authorized.principal());
            request.setProperty(QUOTA_PROPERTY, authorized.quota());
        } else if (result instanceof AuthorizationResult.Throttled throttled) {
            request.setProperty(PRINCIPAL_PROPERTY, throttled.principal());
            request.setProperty(QUOTA_PROPERTY, throttled.quota());
            Duration wait = throttled.quota().decision().retryAfter();
            request.abortWith(Problems.tooManyRequests(wait, "This account has used its request quota; retry after "
                    + Problems.retryAfterSeconds(wait) + " seconds."));
        } else if (result instanceof AuthorizationResult.Unauthenticated refused) {
            LOG.log(Level.FINE, "refused access token: {0}", refused.reason());
            request.abortWith(refused.tokenPresented()
                    ? unauthorized(INVALID_TOKEN, "The access token is not acceptable.")
                    : unauthorized(CHALLENGE, "This endpoint needs a bearer access token."));
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getProperty(QUOTA_PROPERTY) instanceof QuotaDecision quota) {
            RateLimitHeaders.write(quota, response.getHeaders());
        }
    }

    private static Response unauthorized(String challenge, String detail) {
        return Problems.status(401, detail).header(HttpHeaders.WWW_AUTHENTICATE, challenge).build();
    }
}
