package io.scaleguard.adapters.rest.oauth;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** An RFC 6749 section 5.2 error body: {@code {error, error_description}}, always with status 400. */
public record OAuthError(
        @Schema(allowableValues = {INVALID_REQUEST, INVALID_GRANT, INVALID_SCOPE, UNSUPPORTED_GRANT_TYPE}) String error,
        String errorDescription) {

    static final String INVALID_REQUEST = "invalid_request";
    static final String INVALID_GRANT = "invalid_grant";
    static final String INVALID_SCOPE = "invalid_scope";
    static final String UNSUPPORTED_GRANT_TYPE = "unsupported_grant_type";

    static Response response(String error, String description) {
        return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new OAuthError(error, description)).build();
    }
}
