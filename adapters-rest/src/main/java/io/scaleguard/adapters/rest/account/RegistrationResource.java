package io.scaleguard.adapters.rest.account;

import io.scaleguard.adapters.rest.openapi.ApiComponents;
import io.scaleguard.adapters.rest.problem.Problems;
import io.scaleguard.application.port.in.RegisterUserCommand;
import io.scaleguard.application.port.in.RegisterUserUseCase;
import io.scaleguard.application.port.in.RegisterUserUseCase.RegistrationResult;
import io.scaleguard.domain.auth.EmailAddress;
import io.scaleguard.domain.auth.Password;
import io.scaleguard.domain.auth.Username;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/** {@code POST /register}: a new account on the default plan. */
@Singleton
@Path("/register")
@Tag(name = "account")
public final class RegistrationResource {

    private final RegisterUserUseCase registerUser;

    @Inject
    public RegistrationResource(RegisterUserUseCase registerUser) {
        this.registerUser = registerUser;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Register a new account on the default plan", responses = {
        @ApiResponse(responseCode = "201", description = "Registered; the account is then the caller's own, /users/me",
            headers = @Header(name = "Location", description = "/users/me", schema = @Schema(type = "string", format = "uri-reference")),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProfileResponse.class))),
        @ApiResponse(responseCode = "400", ref = ApiComponents.INVALID_FIELDS),
        @ApiResponse(responseCode = "409", ref = ApiComponents.ALREADY_TAKEN),
        @ApiResponse(responseCode = "413", ref = ApiComponents.BODY_TOO_LARGE),
        @ApiResponse(responseCode = "415", ref = ApiComponents.UNSUPPORTED_MEDIA_TYPE),
        @ApiResponse(responseCode = "503", ref = ApiComponents.BUSY)})
    public Response register(RegistrationRequest body) {
        RegistrationRequest request = body == null ? new RegistrationRequest(null, null, null) : body;
        FieldCheck fields = new FieldCheck();
        Username username = fields.require("username", request.username(), Username::new);
        EmailAddress email = fields.require("email", request.email(), EmailAddress::new);
        Password password = fields.require("password", request.password(), Password::new);
        fields.throwIfRefused();

        RegistrationResult result = registerUser.register(new RegisterUserCommand(username, email, password));
        if (result instanceof RegistrationResult.Registered registered) {
            // The account is then reachable as the caller's own resource, once they hold a token.
            return Response.created(URI.create("/users/me"))
                    .type(MediaType.APPLICATION_JSON_TYPE).entity(ProfileResponse.of(registered.profile())).build();
        }
        if (result instanceof RegistrationResult.UsernameTaken) {
            return Problems.conflict("username", "this username is already registered");
        }
        if (result instanceof RegistrationResult.EmailTaken) {
            return Problems.conflict("email", "this email address is already registered");
        }
        RegistrationResult.Busy busy = (RegistrationResult.Busy) result;
        return Problems.unavailable(busy.retryAfter(), "The service is busy; please retry shortly.");
    }
}
