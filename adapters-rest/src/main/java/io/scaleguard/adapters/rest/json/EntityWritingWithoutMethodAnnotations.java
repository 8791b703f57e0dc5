package io.scaleguard.adapters.rest.json;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.ext.WriterInterceptor;
import jakarta.ws.rs.ext.WriterInterceptorContext;
import java.io.IOException;
import java.lang.annotation.Annotation;

/**
 * Hands every response entity to its writer without the resource method's annotations. Jackson's JAX-RS provider keys
 * its per-endpoint writer configuration by those annotations and hashes each of them, reflectively, on every response;
 * ours are the OpenAPI descriptions (trees of {@code @ApiResponse} and {@code @Header}), which no writer reads, and
 * hashing them was an eighth of a guarded request's CPU. None of the writers here reads method annotations: the API
 * uses neither {@code @JsonView} nor {@code @JacksonFeatures}.
 */
@Priority(Priorities.ENTITY_CODER)
public final class EntityWritingWithoutMethodAnnotations implements WriterInterceptor {

    private static final Annotation[] NONE = new Annotation[0];

    @Override
    public void aroundWriteTo(WriterInterceptorContext context) throws IOException {
        context.setAnnotations(NONE);
        context.proceed();
    }
}
