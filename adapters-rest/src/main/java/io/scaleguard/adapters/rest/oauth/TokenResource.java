package io.scaleguard.adapters.rest.oauth;

import io.scaleguard.adapters.rest.http.ClientAddressResolver;
import io.scaleguard.adapters.rest.openapi.ApiComponents;
import io.scaleguard.adapters.rest.problem.Problems;
import io.scaleguard.application.port.in.IssueTokenCommand;
import io.scaleguard.application.port.in.IssueTokenUseCase;
import io.scaleguard.application.port.in.IssueTokenUseCase.TokenResult;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.glassfish.grizzly.http.server.Request;

/**
 * {@code POST /auth/token}, RFC 6749: the resource-owner password grant (section 4.3) and the refresh-token grant
 * (section 6). The body is read as raw bytes whatever its Content-Type, so that a wrong type is answered with the
 * RFC's {@code invalid_request} rather than the runtime's 415.
 */
@Singleton
@Path("/auth/token")
@Tag(name = "oauth")
public final class TokenResource {

    private static final String PASSWORD = "password";
    private static final String REFRESH_TOKEN = "refresh_token";
    /** RFC 6749 section 3.2.1: a public client may name itself with client_id, which we accept and do not use. */
    private static final Set<String> PARAMETERS = Set.of("grant_type", "username", PASSWORD, "scope", REFRESH_TOKEN, "client_id");
    /** RFC 6749 section 3.3: scope tokens separated by single spaces. */
    private static final Pattern SCOPE = Pattern.compile("[\\x21\\x23-\\x5B\\x5D-\\x7E]+( [\\x21\\x23-\\x5B\\x5D-\\x7E]+)*");

    private final IssueTokenUseCase issueToken;
    private final ClientAddressResolver clientAddresses;

    @Inject
    public TokenResource(IssueTokenUseCase issueToken, ClientAddressResolver clientAddresses) {
        this.issueToken = issueToken;
        this.clientAddresses = clientAddresses;
    }

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Issue tokens: the password grant or the refresh-token grant (RFC 6749)", responses = {
        @ApiResponse(responseCode = "200", description = "The tokens", headers = @Header(name = HttpHeaders.CACHE_CONTROL,
            ref = ApiComponents.CACHE_CONTROL_HEADER), content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = TokenResponse.class))),
        @ApiResponse(responseCode = "400", ref = ApiComponents.OAUTH_ERROR),
        @ApiResponse(responseCode = "413", ref = ApiComponents.BODY_TOO_LARGE),
        @ApiResponse(responseCode = "429", ref = ApiComponents.TOO_MANY_ATTEMPTS),
        @ApiResponse(responseCode = "503", ref = ApiComponents.BUSY)})
    public Response token(@Parameter(hidden = true) @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
                          @Context HttpHeaders headers, @Context Request connection,
                          @RequestBody(required = true, content = @Content(mediaType = ApiComponents.FORM,
                              schema = @Schema(ref = ApiComponents.TOKEN_REQUEST_SCHEMA))) byte[] body) {
        FormRequests.Read read = FormRequests.read(contentType, body, PARAMETERS);
        if (read instanceof FormRequests.Read.Refused refused) {
            return refused.answer();
        }
        FormParameters form = ((FormRequests.Read.Parsed) read).form();
        String grantType = form.get("grant_type").orElse(null);
        if (grantType == null) {
            return OAuthError.response(OAuthError.INVALID_REQUEST, "grant_type is required");
        }
        if (!grantType.equals(PASSWORD) && !grantType.equals(REFRESH_TOKEN)) {
            return OAuthError.response(OAuthError.UNSUPPORTED_GRANT_TYPE, "grant_type must be password or refresh_token");
        }
        String scope = form.get("scope").orElse(null);
        if (scope != null && !SCOPE.matcher(scope).matches()) {
            return OAuthError.response(OAuthError.INVALID_SCOPE, "scope must be scope names separated by single spaces");
        }
        Set<String> scopes = scope == null ? Set.of() : Set.copyOf(Arrays.asList(scope.split(" ")));
        String client = clientAddress(headers, connection);
        IssueTokenCommand command;
        if (grantType.equals(PASSWORD)) {
            if (form.has(REFRESH_TOKEN)) {
                return OAuthError.response(OAuthError.INVALID_REQUEST, "refresh_token does not belong to the password grant");
            }
            if (!form.has("username") || !form.has(PASSWORD)) {
                return OAuthError.response(OAuthError.INVALID_REQUEST, "the password grant needs username and password");
            }
            command = new IssueTokenCommand.PasswordGrant(form.get("username").get(), form.get(PASSWORD).get(), scopes, client);
        } else {
            if (form.has("username") || form.has(PASSWORD)) {
                return OAuthError.response(OAuthError.INVALID_REQUEST, "username and password do not belong to the refresh_token grant");
            }
            if (!form.has(REFRESH_TOKEN)) {
                return OAuthError.response(OAuthError.INVALID_REQUEST, "the refresh_token grant needs refresh_token");
            }
            command = new IssueTokenCommand.RefreshGrant(form.get(REFRESH_TOKEN).get(), scopes, client);
        }
        return answer(issueToken.issue(command));
    }

    private static Response answer(TokenResult result) {
        if (result instanceof TokenResult.Issued issued) {
            String granted = issued.scopes().isEmpty() ? null : String.join(" ", new TreeSet<>(issued.scopes()));
            return Response.ok(new TokenResponse(issued.accessToken(), "Bearer", issued.expiresIn().getSeconds(),
                    issued.refreshToken(), granted), MediaType.APPLICATION_JSON_TYPE).build();
        }
        if (result instanceof TokenResult.InvalidGrant) {
            // One body for a wrong password, an unknown user, a disabled account and every bad refresh token.
            return OAuthError.response(OAuthError.INVALID_GRANT, "the credentials or the refresh token are not valid");
        }
        if (result instanceof TokenResult.InvalidScope) {
            return OAuthError.response(OAuthError.INVALID_SCOPE, "a requested scope is not available");
        }
        if (result instanceof TokenResult.Throttled throttled) {
            return Problems.tooManyRequests(throttled.retryAfter(), "Too many login attempts; retry after "
                    + Problems.retryAfterSeconds(throttled.retryAfter()) + " seconds.");
        }
        TokenResult.Busy busy = (TokenResult.Busy) result;
        return Problems.unavailable(busy.retryAfter(), "The service is busy; please retry shortly.");
    }

    /** {@code connection} is Grizzly's request, for its TCP peer. */
    private String clientAddress(HttpHeaders headers, Request connection) {
        return clientAddresses.clientAddress(connection.getRemoteAddr(),
                headers.getRequestHeader("X-Forwarded-For"), headers.getHeaderString("X-Real-IP"));
    }
}
