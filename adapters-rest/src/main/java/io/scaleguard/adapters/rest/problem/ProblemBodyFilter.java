package io.scaleguard.adapters.rest.problem;

import jakarta.annotation.Priority;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;

/**
 * The safety net: an error that left the runtime without a body (Jersey answers some malformed headers with a bare
 * 400) still gets a problem+json body, so that every error a client sees has the same shape.
 */
@Priority(Integer.MAX_VALUE)
public final class ProblemBodyFilter implements ContainerResponseFilter {

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        int status = response.getStatus();
        if (status < 400 || response.hasEntity() || HttpMethod.HEAD.equals(request.getMethod())) {
            return;
        }
        Problem problem = (Problem) Problems.status(status, status >= 500
                ? "The server failed to handle the request." : "The request cannot be served.").build().getEntity();
        response.setEntity(problem, null, Problems.PROBLEM_JSON_TYPE);
    }
}
