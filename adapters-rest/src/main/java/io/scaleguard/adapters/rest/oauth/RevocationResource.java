package io.scaleguard.adapters.rest.oauth;

import io.scaleguard.adapters.rest.openapi.ApiComponents;
import io.scaleguard.application.port.in.RevokeTokenCommand;
import io.scaleguard.application.port.in.RevokeTokenUseCase;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
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
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Set;

/**
 * {@code POST /auth/revoke}, RFC 7009: revokes a refresh token and its family. Unknown and already revoked tokens
 * are answered 200 too, so the endpoint tells nobody which tokens exist; only a malformed request is refused.
 */
@Singleton
@Path("/auth/revoke")
@Tag(name = "oauth")
public final class RevocationResource {

    private static final Set<String> PARAMETERS = Set.of("token", "token_type_hint", "client_id");

    private final RevokeTokenUseCase revokeToken;

    @Inject
    public RevocationResource(RevokeTokenUseCase revokeToken) {
        this.revokeToken = revokeToken;
    }

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Revoke a refresh token and its family (RFC 7009)", responses = {
        @ApiResponse(responseCode = "200", description = "Revoked, or not a token of ours: the answer is the same"),
        @ApiResponse(responseCode = "400", ref = ApiComponents.OAUTH_ERROR),
        @ApiResponse(responseCode = "413", ref = ApiComponents.BODY_TOO_LARGE)})
    public Response revoke(@Parameter(hidden = true) @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
                           @RequestBody(required = true, content = @Content(mediaType = ApiComponents.FORM,
                               schema = @Schema(ref = ApiComponents.REVOCATION_REQUEST_SCHEMA))) byte[] body) {
        FormRequests.Read read = FormRequests.read(contentType, body, PARAMETERS);
        if (read instanceof FormRequests.Read.Refused refused) {
            return refused.answer();
        }
        FormParameters form = ((FormRequests.Read.Parsed) read).form();
        // token_type_hint only speeds up a search (RFC 7009 section 2.1); every token is looked up the same way here.
        String token = form.get("token").orElse(null);
        if (token == null) {
            return OAuthError.response(OAuthError.INVALID_REQUEST, "token is required");
        }
        revokeToken.revoke(new RevokeTokenCommand(token));
        return Response.ok().build();
    }
}
