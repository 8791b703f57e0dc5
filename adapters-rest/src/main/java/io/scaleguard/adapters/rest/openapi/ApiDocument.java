package io.scaleguard.adapters.rest.openapi;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.scaleguard.adapters.rest.json.StrictObjectMapperResolver;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.jaxrs2.Reader;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.servers.Server;
import java.net.URI;
import java.util.List;
import java.util.Set;

/**
 * The OpenAPI document of the application, read by swagger-core from the resource classes it is given (never found
 * by scanning the class path) over a base of the shared {@link ApiComponents}.
 */
final class ApiDocument {

    static {
        // Schemas are read with the API's own mapper, so that their property names are the wire's (snake_case).
        ModelConverters.getInstance().addConverter(new ModelResolver(StrictObjectMapperResolver.strictMapper()));
    }

    private ApiDocument() {
    }

    /**
     * swagger-core gives every annotated response header a style, also to one that is only a reference: beside a
     * {@code $ref} a member is ignored, and validators warn about it.
     */
    private static void withoutStylesBesideReferences(OpenAPI document) {
        document.getPaths().values().stream().flatMap(path -> path.readOperations().stream())
                .flatMap(operation -> operation.getResponses().values().stream())
                .filter(response -> response.getHeaders() != null).flatMap(response -> response.getHeaders().values().stream())
                .filter(header -> header.get$ref() != null).forEach(header -> header.setStyle(null));
    }

    /** @param issuer where the API is served from, as clients reach it */
    static String json(URI issuer, String version, Set<Class<?>> resources) {
        OpenAPI base = new OpenAPI()
                .info(new Info().title("ScaleGuard").version(version).description("Authentication (OAuth2 password and "
                        + "refresh-token grants, JWT access tokens) and per-user rate limiting. Every answer carries "
                        + "X-Request-Id; a caller may send its own (1 to 128 of A-Z a-z 0-9 . _ : -)."))
                .servers(List.of(new Server().url(issuer.toString())))
                .components(ApiComponents.create());
        OpenAPI document = new Reader(base).read(resources);
        withoutStylesBesideReferences(document);
        try {
            return Json.pretty().writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the OpenAPI document cannot be written", e);
        }
    }
}
