package io.scaleguard.adapters.rest;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.Context;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;
import org.glassfish.jersey.server.ExtendedUriInfo;
import org.glassfish.jersey.uri.UriTemplate;

/** Of the tests only: answers the matched route template in a header, as a metrics filter would label by it. */
public class RouteEchoFilter implements ContainerResponseFilter {

    @Context
    private ExtendedUriInfo uriInfo;

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        List<UriTemplate> templates = new ArrayList<>(uriInfo.getMatchedTemplates());
        Collections.reverse(templates);
        response.getHeaders().putSingle("X-Route", templates.stream().map(UriTemplate::getTemplate).collect(Collectors.joining()));
    }
}
