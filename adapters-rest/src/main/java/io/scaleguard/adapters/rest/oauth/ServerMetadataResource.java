package io.scaleguard.adapters.rest.oauth;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** {@code GET /.well-known/oauth-authorization-server}: RFC 8414 metadata, every URL built from the issuer. */
@Singleton
@Path("/.well-known/oauth-authorization-server")
public final class ServerMetadataResource {

    private final AuthorizationServerMetadata metadata;

    @Inject
    public ServerMetadataResource(AuthorizationServerMetadata metadata) {
        this.metadata = metadata;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public AuthorizationServerMetadata metadata() {
        return metadata;
    }
}
