package io.scaleguard.adapters.rest.openapi;

import jakarta.ws.rs.core.Feature;
import jakarta.ws.rs.core.FeatureContext;
import java.net.URI;
import java.util.Objects;

/**
 * The API's documentation, registered on what {@code RestApplication.create} returns: {@code GET /openapi.json},
 * read from the application's registered resources, and Swagger UI at {@code /docs/}.
 */
public final class ApiDocsFeature implements Feature {

    private final URI issuer;
    private final String version;

    /**
     * @param issuer  the service's public base URL, the document's server (the OAuth issuer: the same URL)
     * @param version the service's version, the document's {@code info.version}
     */
    public ApiDocsFeature(URI issuer, String version) {
        this.issuer = Objects.requireNonNull(issuer, "issuer");
        this.version = Objects.requireNonNull(version, "version");
    }

    @Override
    public boolean configure(FeatureContext context) {
        context.register(new OpenApiDocumentResource(issuer, version));
        context.register(new SwaggerUiResource());
        return true;
    }
}
