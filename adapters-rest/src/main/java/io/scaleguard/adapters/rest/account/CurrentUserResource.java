package io.scaleguard.adapters.rest.account;

import io.scaleguard.adapters.rest.bearer.BearerAuthenticationFilter;
import io.scaleguard.adapters.rest.bearer.BearerProtected;
import io.scaleguard.adapters.rest.openapi.ApiComponents;
import io.scaleguard.adapters.rest.problem.Problems;
import io.scaleguard.application.port.in.ChangePasswordCommand;
import io.scaleguard.application.port.in.ChangePasswordUseCase;
import io.scaleguard.application.port.in.ChangePasswordUseCase.ChangeResult;
import io.scaleguard.application.port.in.GetProfileQuery;
import io.scaleguard.application.port.in.GetProfileUseCase;
import io.scaleguard.application.port.in.UserProfile;
import io.scaleguard.domain.auth.Password;
import io.scaleguard.domain.auth.Principal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
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
@Tag(name = "account")
@SecurityRequirement(name = ApiComponents.OAUTH2)
@ApiResponse(responseCode = "401", ref = ApiComponents.UNAUTHORIZED)
@ApiResponse(responseCode = "429", ref = ApiComponents.RATE_LIMITED)
public final class CurrentUserResource {

    private final GetProfileUseCase getProfile;
    private final ChangePasswordUseCase changePassword;

    @Inject
    public CurrentUserResource(GetProfileUseCase getProfile, ChangePasswordUseCase changePassword) {
        this.getProfile = getProfile;
        this.changePassword = changePassword;
    }

    @GET
    @Operation(summary = "The caller's account; charged to their rate limit", responses = {
        @ApiResponse(responseCode = "200", description = "The account", useReturnTypeSchema = true, headers = {
            @Header(name = "RateLimit", ref = ApiComponents.RATE_LIMIT_HEADER),
            @Header(name = "RateLimit-Policy", ref = ApiComponents.RATE_LIMIT_POLICY_HEADER)}),
        @ApiResponse(responseCode = "404", ref = ApiComponents.ACCOUNT_GONE)})
    public ProfileResponse profile(@Context ContainerRequestContext request) {
        return ProfileResponse.of(profileOf(request));
    }

    @GET
    @Path("items")
    @Operation(summary = "Who the caller is, in two fields (kept from the original API); charged to their rate limit", responses = {
        @ApiResponse(responseCode = "200", description = "The caller's username and email", useReturnTypeSchema = true, headers = {
            @Header(name = "RateLimit", ref = ApiComponents.RATE_LIMIT_HEADER),
            @Header(name = "RateLimit-Policy", ref = ApiComponents.RATE_LIMIT_POLICY_HEADER)}),
        @ApiResponse(responseCode = "404", ref = ApiComponents.ACCOUNT_GONE)})
    public ItemsResponse items(@Context ContainerRequestContext request) {
        return ItemsResponse.of(profileOf(request));
    }

    @POST
    @Path("password")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change the caller's password; limited per account like logins, and charged to their rate limit",
        responses = {
            @ApiResponse(responseCode = "204", description = "Changed", headers = {
                @Header(name = "RateLimit", ref = ApiComponents.RATE_LIMIT_HEADER),
                @Header(name = "RateLimit-Policy", ref = ApiComponents.RATE_LIMIT_POLICY_HEADER)}),
            @ApiResponse(responseCode = "400", ref = ApiComponents.INVALID_FIELDS),
            @ApiResponse(responseCode = "403", ref = ApiComponents.FORBIDDEN),
            @ApiResponse(responseCode = "413", ref = ApiComponents.BODY_TOO_LARGE),
            @ApiResponse(responseCode = "415", ref = ApiComponents.UNSUPPORTED_MEDIA_TYPE),
            @ApiResponse(responseCode = "503", ref = ApiComponents.BUSY)})
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
