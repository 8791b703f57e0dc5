package io.scaleguard.adapters.rest.observability;

import jakarta.ws.rs.container.ContainerRequestContext;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.glassfish.jersey.server.ExtendedUriInfo;
import org.glassfish.jersey.uri.UriTemplate;

/**
 * What a request is called in metrics and logs: words from a small, fixed vocabulary, never anything the client
 * chose freely. The route is the template of the matched endpoint ({@code /users/me}), so that neither a raw path
 * (which may carry ids or secrets) nor an unbounded number of label values ever leaves the process.
 */
final class RequestLabels {

    /** The route of every request that no endpoint answered: unknown paths and wrong methods. */
    static final String UNMATCHED = "UNMATCHED";
    /** Any method outside the standard ones: a client may send any token as a method. */
    static final String OTHER_METHOD = "OTHER";

    private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "CONNECT");

    private RequestLabels() {
    }

    static String route(ContainerRequestContext request) {
        if (!(request.getUriInfo() instanceof ExtendedUriInfo uri) || uri.getMatchedResourceMethod() == null) {
            return UNMATCHED;
        }
        // Jersey lists the matched templates innermost first: the method's own path, then its resource's.
        List<UriTemplate> templates = new ArrayList<>(uri.getMatchedTemplates());
        Collections.reverse(templates);
        return templates.stream().map(UriTemplate::getTemplate).collect(Collectors.joining());
    }

    /** Methods are case-sensitive (RFC 9110): {@code get} is not {@code GET}, and is labelled as any other. */
    static String method(ContainerRequestContext request) {
        return METHODS.contains(request.getMethod()) ? request.getMethod() : OTHER_METHOD;
    }
}
