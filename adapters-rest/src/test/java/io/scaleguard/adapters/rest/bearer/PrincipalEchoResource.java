package io.scaleguard.adapters.rest.bearer;

import io.scaleguard.adapters.rest.RestApplication;
import io.scaleguard.domain.auth.Principal;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

/** A protected endpoint of the tests only: answers what {@link RestApplication#PRINCIPAL_PROPERTY} holds. */
@Path("/test/principal")
@BearerProtected
public class PrincipalEchoResource {

    @GET
    @Produces(MediaType.TEXT_PLAIN)
    public String principal(@Context ContainerRequestContext request) {
        Principal principal = (Principal) request.getProperty(RestApplication.PRINCIPAL_PROPERTY);
        return principal.id() + " " + principal.username().value();
    }
}
