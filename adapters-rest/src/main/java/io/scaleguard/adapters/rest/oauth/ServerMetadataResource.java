package io.scaleguard.adapters.rest.oauth;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** {@code GET /.well-known/oauth-authorization-server}: RFC 8414 metadata, every URL built from the issuer. */
@Singleton
@Path("/.well-known/oauth-authorization-server")
@Tag(name = "oauth")
public final class ServerMetadataResource {

    private final AuthorizationServerMetadata metadata;

    @Inject
    public ServerMetadataResource(AuthorizationServerMetadata metadata) {
        this.metadata = metadata;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Authorization server metadata (RFC 8414)", responses =
        @ApiResponse(responseCode = "200", description = "The metadata", useReturnTypeSchema = true))
    public AuthorizationServerMetadata metadata() {
        return metadata;
    }
}
