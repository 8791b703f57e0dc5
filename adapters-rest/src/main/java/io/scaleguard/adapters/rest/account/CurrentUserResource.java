package io.scaleguard.adapters.rest.account;

import io.scaleguard.adapters.rest.bearer.BearerAuthenticationFilter;
import io.scaleguard.adapters.rest.bearer.BearerProtected;
import io.scaleguard.adapters.rest.problem.Problems;
import io.scaleguard.application.port.in.ChangePasswordCommand;
import io.scaleguard.application.port.in.ChangePasswordUseCase;
import io.scaleguard.application.port.in.ChangePasswordUseCase.ChangeResult;
import io.scaleguard.application.port.in.GetProfileQuery;
import io.scaleguard.application.port.in.GetProfileUseCase;
import io.scaleguard.application.port.in.UserProfile;
import io.scaleguard.domain.auth.Password;
import io.scaleguard.domain.auth.Principal;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The caller's own account, {@code /users/me}: every method needs a bearer token and is charged to their quota. */
@Singleton
@Path("/users/me")
@BearerProtected
@Produces(MediaType.APPLICATION_JSON)
public final class CurrentUserResource {

    private final GetProfileUseCase getProfile;
    private final ChangePasswordUseCase changePassword;

    @Inject
    public CurrentUserResource(GetProfileUseCase getProfile, ChangePasswordUseCase changePassword) {
        this.getProfile = getProfile;
        this.changePassword = changePassword;
    }

    @GET
    public ProfileResponse profile(@Context ContainerRequestContext request) {
        return ProfileResponse.of(profileOf(request));
    }

    @GET
    @Path("items")
    public ItemsResponse items(@Context ContainerRequestContext request) {
        return ItemsResponse.of(profileOf(request));
    }

    @POST
    @Path("password")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response changePassword(PasswordChangeRequest body, @Context ContainerRequestContext request) {
        PasswordChangeRequest change = body == null ? new PasswordChangeRequest(null, null) : body;
        FieldCheck fields = new FieldCheck();
        Password current = fields.require("current_password", change.currentPassword(), Password::new);
        Password replacement = fields.require("new_password", change.newPassword(), Password::new);
        fields.throwIfRefused();

        ChangeResult result = changePassword.change(new ChangePasswordCommand(principal(request).id(), current, replacement));
        if (result instanceof ChangeResult.Changed) {
            return Response.noContent().build();
        }
        if (result instanceof ChangeResult.Rejected) {
            return Problems.status(403, "The current password is not right.").build();
        }
        if (result instanceof ChangeResult.Throttled throttled) {
            return Problems.tooManyRequests(throttled.retryAfter(), "Too many password attempts for this account.");
        }
        ChangeResult.Busy busy = (ChangeResult.Busy) result;
        return Problems.unavailable(busy.retryAfter(), "The service is busy; please retry shortly.");
    }

    private UserProfile profileOf(ContainerRequestContext request) {
        return getProfile.profile(new GetProfileQuery(principal(request).id()))
                .orElseThrow(() -> new WebApplicationException(Problems.status(404, "This account no longer exists.").build()));
    }

    /** Set by the bearer filter, which runs before any method of this resource. */
    private static Principal principal(ContainerRequestContext request) {
        return (Principal) request.getProperty(BearerAuthenticationFilter.PRINCIPAL_PROPERTY);
    }
}
