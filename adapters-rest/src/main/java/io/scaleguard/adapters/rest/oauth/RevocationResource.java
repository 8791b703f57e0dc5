package io.scaleguard.adapters.rest.oauth;

import io.scaleguard.application.port.in.RevokeTokenCommand;
import io.scaleguard.application.port.in.RevokeTokenUseCase;
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
public final class RevocationResource {

    private static final Set<String> PARAMETERS = Set.of("token", "token_type_hint", "client_id");

    private final RevokeTokenUseCase revokeToken;

    @Inject
    public RevocationResource(RevokeTokenUseCase revokeToken) {
        this.revokeToken = revokeToken;
    }

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    public Response revoke(@HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, byte[] body) {
        if (!FormRequests.isUtf8Form(contentType)) {
            return OAuthError.response(OAuthError.INVALID_REQUEST, "the body must be application/x-www-form-urlencoded in UTF-8");
        }
        FormParameters form;
        try {
            form = FormParameters.parse(body == null ? new byte[0] : body, PARAMETERS);
        } catch (FormParameters.FormException refused) {
            return OAuthError.response(OAuthError.INVALID_REQUEST, refused.getMessage());
        }
        // token_type_hint only speeds up a search (RFC 7009 section 2.1); every token is looked up the same way here.
        String token = form.get("token").orElse(null);
        if (token == null) {
            return OAuthError.response(OAuthError.INVALID_REQUEST, "token is required");
        }
        revokeToken.revoke(new RevokeTokenCommand(token));
        return Response.ok().build();
    }
}
