package io.scaleguard.adapters.rest.openapi;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;

/**
 * {@code /docs/}: Swagger UI, from the files of the swagger-ui webjar, with our own initializer in place of the
 * webjar's (which points at the petstore). {@code /docs} redirects there, so that the page's relative links resolve.
 */
@Path("/docs")
@Tag(name = "docs")
public final class SwaggerUiResource {

    private final SwaggerUiFiles files = SwaggerUiFiles.fromClassPath();

    @GET
    @Operation(summary = "Swagger UI", description = "Served at /docs/; /docs redirects there.", responses = {
        @ApiResponse(responseCode = "200", description = "The Swagger UI page", content = @Content(mediaType = MediaType.TEXT_HTML)),
        @ApiResponse(responseCode = "301", description = "From /docs to /docs/",
                headers = @Header(name = "Location", description = "/docs/"))})
    public Response page(@Context UriInfo uri) {
        if (!uri.getPath().endsWith("/")) {
            return Response.status(Response.Status.MOVED_PERMANENTLY).location(URI.create("/docs/")).build();
        }
        return file("index.html");
    }

    @GET
    @Path("{file}")
    @Operation(hidden = true)
    public Response file(@PathParam("file") String name) {
        return files.find(name).map(file -> Response.ok(file.stream(), file.type()).build())
                .orElseThrow(NotFoundException::new);
    }
}
