package io.scaleguard.adapters.rest.http;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.Set;

/**
 * RFC 6749 section 5.1: answers that may carry tokens must not be cached. It goes by path rather than by matched
 * method so that every answer of those paths has it, errors of the runtime (405, 413, 415) included.
 */
public final class NoStoreFilter implements ContainerResponseFilter {

    private final Set<String> paths;

    /** @param paths request paths without a leading slash, such as {@code auth/token} */
    public NoStoreFilter(Set<String> paths) {
        this.paths = Set.copyOf(paths);
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        String path = request.getUriInfo().getPath();
        if (paths.contains(path.startsWith("/") ? path.substring(1) : path)) {
            response.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL, "no-store");
            response.getHeaders().putSingle("Pragma", "no-cache");
        }
    }
}
