package io.scaleguard.adapters.rest.oauth;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.net.URI;
import java.util.List;
import java.util.Set;

/** {@code GET /.well-known/oauth-authorization-server}: RFC 8414 metadata, every URL built from the issuer. */
@Path("/.well-known/oauth-authorization-server")
public final class ServerMetadataResource {

    private final AuthorizationServerMetadata metadata;

    public ServerMetadataResource(URI issuer, Set<String> scopes) {
        String base = issuer.toString().endsWith("/")
                ? issuer.toString().substring(0, issuer.toString().length() - 1) : issuer.toString();
        this.metadata = new AuthorizationServerMetadata(issuer.toString(), base + "/auth/token", base + "/auth/revoke",
                base + "/.well-known/jwks.json", List.of("password", "refresh_token"), List.of("none"), List.of("none"),
                scopes.stream().sorted().toList(), List.of());
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public AuthorizationServerMetadata metadata() {
        return metadata;
    }
}
