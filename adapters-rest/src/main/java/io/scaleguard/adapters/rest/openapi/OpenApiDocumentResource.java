package io.scaleguard.adapters.rest.openapi;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Configuration;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.net.URI;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Stream;

/**
 * {@code GET /openapi.json}: the OpenAPI document of every resource registered in the running application. It is
 * read once, at the first request, when every feature has registered its resources.
 */
@Path("/openapi.json")
@Tag(name = "docs")
public final class OpenApiDocumentResource {

    private final URI issuer;
    private final String version;
    private volatile String document;

    public OpenApiDocumentResource(URI issuer, String version) {
        this.issuer = issuer;
        this.version = version;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "This document", responses = @ApiResponse(responseCode = "200", description = "OpenAPI 3.0",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = "object"))))
    public String document(@Context Configuration application) {
        String read = document;
        if (read == null) {
            synchronized (this) {
                if (document == null) {
                    document = ApiDocument.json(issuer, version, resourceClasses(application));
                }
                read = document;
            }
        }
        return read;
    }

    private static Set<Class<?>> resourceClasses(Configuration application) {
        Set<Class<?>> resources = new LinkedHashSet<>();
        Stream.concat(application.getClasses().stream(), application.getInstances().stream().map(Object::getClass))
                .filter(type -> type.isAnnotationPresent(Path.class)).forEach(resources::add);
        return resources;
    }
}
