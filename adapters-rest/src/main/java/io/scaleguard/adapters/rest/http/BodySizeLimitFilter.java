package io.scaleguard.adapters.rest.http;

import jakarta.annotation.Priority;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;

/**
 * Refuses request bodies over a limit before anyone reads them: at once from Content-Length, and while streaming
 * for chunked bodies. It runs after matching, so that the endpoint's own response filters (no-store on the token
 * endpoint) still apply to the 413, and so that an unknown path answers 404 without reading anything.
 */
@Priority(Priorities.HEADER_DECORATOR)
public final class BodySizeLimitFilter implements ContainerRequestFilter {

    private final long maxBytes;

    public BodySizeLimitFilter(long maxBytes) {
        if (maxBytes < 1) {
            throw new IllegalArgumentException("the body size limit must be at least 1 byte");
        }
        this.maxBytes = maxBytes;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String declared = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (declared != null && declaredLength(declared) > maxBytes) {
            throw new BodyTooLargeException(maxBytes);
        }
        if (request.hasEntity()) {
            request.setEntityStream(new LimitedInputStream(request.getEntityStream(), maxBytes));
        }
    }

    private static long declaredLength(String header) {
        String value = header.strip();
        if (value.isEmpty() || value.length() > 19 || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new BadRequestException("malformed Content-Length");
        }
        return Long.parseLong(value);
    }
}
