package io.scaleguard.adapters.rest.observability;

import jakarta.annotation.Priority;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Gives every request an id that its log line and its answer share: the caller's own {@code X-Request-Id} (nginx at
 * the edge sends one) when it is a short plain token, else a fresh UUID. Anything else the caller sent is dropped
 * rather than cleaned, so that no client text reaches a log line through this header.
 */
@PreMatching
@Priority(ObservedRequest.OUTERMOST)
public final class RequestIdFilter implements ContainerRequestFilter, ContainerResponseFilter {

    public static final String HEADER = "X-Request-Id";
    /** The request property holding the id, a {@link String}. */
    public static final String PROPERTY = "io.scaleguard.request-id";

    /** What the nginx edge itself keeps from a client, so that its access log and ours name a request alike. */
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    @Override
    public void filter(ContainerRequestContext request) {
        List<String> offered = request.getHeaders().get(HEADER);
        boolean usable = offered != null && offered.size() == 1 && SAFE.matcher(offered.get(0)).matches();
        request.setProperty(PROPERTY, usable ? offered.get(0) : UUID.randomUUID().toString());
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        response.getHeaders().putSingle(HEADER, idOf(request));
    }

    /** The request's id; one is given here to a request the runtime answered before any request filter saw it. */
    static String idOf(ContainerRequestContext request) {
        if (!(request.getProperty(PROPERTY) instanceof String)) {
            request.setProperty(PROPERTY, UUID.randomUUID().toString());
        }
        return (String) request.getProperty(PROPERTY);
    }
}
