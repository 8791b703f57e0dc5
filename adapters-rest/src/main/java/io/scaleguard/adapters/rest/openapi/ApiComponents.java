package io.scaleguard.adapters.rest.openapi;

import io.scaleguard.adapters.rest.oauth.OAuthError;
import io.scaleguard.adapters.rest.problem.Problem;
import io.scaleguard.adapters.rest.problem.Problems;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.OAuthFlow;
import io.swagger.v3.oas.models.security.OAuthFlows;
import io.swagger.v3.oas.models.security.Scopes;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.math.BigDecimal;
import java.util.List;

/**
 * The parts of the OpenAPI document that several operations share or that no Java type describes: the OAuth2
 * password-flow security scheme, the form bodies of the OAuth endpoints, the problem and RFC 6749 error bodies, the
 * RateLimit, Retry-After and WWW-Authenticate headers, and the error responses built from them. The resources'
 * annotations point here by the constants below.
 */
public final class ApiComponents {

    public static final String OAUTH2 = "oauth2";
    public static final String TOKEN_ENDPOINT = "/auth/token";

    public static final String RATE_LIMIT_HEADER = "#/components/headers/RateLimit";
    public static final String RATE_LIMIT_POLICY_HEADER = "#/components/headers/RateLimit-Policy";
    public static final String CACHE_CONTROL_HEADER = "#/components/headers/Cache-Control";
    public static final String TOKEN_REQUEST_SCHEMA = "#/components/schemas/TokenRequest";
    public static final String REVOCATION_REQUEST_SCHEMA = "#/components/schemas/RevocationRequest";

    public static final String INVALID_FIELDS = "#/components/responses/InvalidFields";
    public static final String UNAUTHORIZED = "#/components/responses/Unauthorized";
    public static final String FORBIDDEN = "#/components/responses/Forbidden";
    public static final String ACCOUNT_GONE = "#/components/responses/AccountGone";
    public static final String ALREADY_TAKEN = "#/components/responses/AlreadyTaken";
    public static final String BODY_TOO_LARGE = "#/components/responses/BodyTooLarge";
    public static final String UNSUPPORTED_MEDIA_TYPE = "#/components/responses/UnsupportedMediaType";
    public static final String RATE_LIMITED = "#/components/responses/RateLimited";
    public static final String TOO_MANY_ATTEMPTS = "#/components/responses/TooManyAttempts";
    public static final String OAUTH_ERROR = "#/components/responses/OAuthError";
    public static final String BUSY = "#/components/responses/Busy";
    public static final String NOT_READY = "#/components/responses/NotReady";

    public static final String FORM = "application/x-www-form-urlencoded";

    private ApiComponents() {
    }

    /** Schemas of Java types are read by the same model converters as the resources, so they share their names. */
    static Components create() {
        Components components = new Components().addSecuritySchemes(OAUTH2, passwordFlow());
        ModelConverters.getInstance().readAll(Problem.class).forEach(components::addSchemas);
        ModelConverters.getInstance().readAll(OAuthError.class).forEach(components::addSchemas);
        components.addSchemas("TokenRequest", tokenRequest()).addSchemas("RevocationRequest", revocationRequest());

        components.addHeaders("RateLimit", header("The caller's bucket after this request (IETF RateLimit fields): remaining "
                        + "whole tokens r and seconds t until it is full again.", new StringSchema(), "\"default\";r=9;t=1"))
                .addHeaders("RateLimit-Policy", header("The policy that decided: its capacity q and the seconds w to refill "
                        + "from empty.", new StringSchema(), "\"default\";q=10;w=10"))
                .addHeaders("Retry-After", header("Whole seconds to wait before retrying; never 0.", new IntegerSchema().minimum(BigDecimal.ONE), 3))
                .addHeaders("WWW-Authenticate", header("The RFC 6750 challenge; error=\"invalid_token\" when a token was presented "
                        + "but is not acceptable.", new StringSchema(), "Bearer realm=\"scaleguard\", error=\"invalid_token\""))
                .addHeaders("Cache-Control", header("Token answers are never cached.", new StringSchema(), "no-store"));

        components.addResponses("InvalidFields", problem("Malformed JSON, or fields that are missing, unknown or refused; "
                        + "invalid-params lists each offending field."))
                .addResponses("Unauthorized", problem("No bearer token, or one that is not acceptable.")
                        .addHeaderObject("WWW-Authenticate", ref("WWW-Authenticate")))
                .addResponses("Forbidden", problem("The current password is not right."))
                .addResponses("AccountGone", problem("The token is valid but its account no longer exists.")
                        .addHeaderObject("RateLimit", ref("RateLimit")).addHeaderObject("RateLimit-Policy", ref("RateLimit-Policy")))
                .addResponses("AlreadyTaken", problem("The username or the email address is already registered."))
                .addResponses("BodyTooLarge", problem("The request body is larger than the service accepts."))
                .addResponses("UnsupportedMediaType", problem("The body is not application/json."))
                .addResponses("RateLimited", problem("The caller's quota is used up; retry after Retry-After seconds.")
                        .addHeaderObject("Retry-After", ref("Retry-After"))
                        .addHeaderObject("RateLimit", ref("RateLimit")).addHeaderObject("RateLimit-Policy", ref("RateLimit-Policy")))
                .addResponses("TooManyAttempts", problem("Too many attempts for this account or client address; retry after "
                        + "Retry-After seconds.").addHeaderObject("Retry-After", ref("Retry-After")))
                .addResponses("OAuthError", new ApiResponse().description("An RFC 6749 section 5.2 error.")
                        .addHeaderObject("Cache-Control", ref("Cache-Control"))
                        .content(json(schemaRef("OAuthError"))))
                .addResponses("Busy", problem("Saturated (password hashing) or a store is unreachable; retry after "
                        + "Retry-After seconds.").addHeaderObject("Retry-After", ref("Retry-After")))
                .addResponses("NotReady", problem("A critical dependency (the database; Redis under the closed failure mode) does not "
                        + "answer; detail names every dependency that is down."));
        return components;
    }

    private static SecurityScheme passwordFlow() {
        OAuthFlow password = new OAuthFlow().tokenUrl(TOKEN_ENDPOINT).refreshUrl(TOKEN_ENDPOINT).scopes(new Scopes()
                .addString("profile", "Read the caller's profile")
                .addString("items", "Read the caller's items"));
        return new SecurityScheme().type(SecurityScheme.Type.OAUTH2).flows(new OAuthFlows().password(password))
                .description("RFC 6749 resource-owner password grant; a public client, so no client secret. The access "
                        + "token goes in Authorization: Bearer.");
    }

    private static Schema<?> tokenRequest() {
        return new ObjectSchema().description("RFC 6749 sections 4.3 and 6; parameters without a value count as omitted.")
                .addProperty("grant_type", new StringSchema()._enum(List.of("password", "refresh_token")))
                .addProperty("username", new StringSchema().description("password grant"))
                .addProperty("password", new StringSchema().format("password").description("password grant"))
                .addProperty("refresh_token", new StringSchema().description("refresh_token grant"))
                .addProperty("scope", new StringSchema().description("Space-separated scopes, such as \"profile items\""))
                .addProperty("client_id", new StringSchema().description("Accepted from public clients and not used"))
                .required(List.of("grant_type"));
    }

    private static Schema<?> revocationRequest() {
        return new ObjectSchema().description("RFC 7009")
                .addProperty("token", new StringSchema().description("A refresh token; unknown tokens are answered 200 too"))
                .addProperty("token_type_hint", new StringSchema())
                .addProperty("client_id", new StringSchema())
                .required(List.of("token"));
    }

    private static Header header(String description, Schema<?> schema, Object example) {
        return new Header().description(description).schema(schema).example(example);
    }

    private static Header ref(String header) {
        return new Header().$ref("#/components/headers/" + header);
    }

    private static ApiResponse problem(String description) {
        return new ApiResponse().description(description).content(new Content()
                .addMediaType(Problems.PROBLEM_JSON, new MediaType().schema(schemaRef("Problem"))));
    }

    private static Content json(Schema<?> schema) {
        return new Content().addMediaType(jakarta.ws.rs.core.MediaType.APPLICATION_JSON, new MediaType().schema(schema));
    }

    private static Schema<?> schemaRef(String name) {
        return new Schema<>().$ref("#/components/schemas/" + name);
    }
}
