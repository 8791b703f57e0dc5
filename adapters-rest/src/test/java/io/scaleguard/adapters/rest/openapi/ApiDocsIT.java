package io.scaleguard.adapters.rest.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.scaleguard.adapters.rest.RestApplication;
import io.scaleguard.adapters.rest.bearer.PrincipalEchoResource;
import io.scaleguard.adapters.rest.observability.ObservabilityFeature;
import io.scaleguard.adapters.rest.testing.FakeUseCases;
import io.scaleguard.adapters.rest.testing.Http;
import io.scaleguard.adapters.rest.testing.ServedApplication;
import io.scaleguard.adapters.rest.testing.TestServer;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.glassfish.jersey.server.ResourceConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code GET /openapi.json} describes the HTTP contract of API.md, as the running application serves it. */
class ApiDocsIT extends ServedApplication {

    private JsonNode document;

    @Override
    protected ResourceConfig application() {
        return RestApplication.create(fakes.components())
                .register(new ObservabilityFeature(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), () -> 0))
                .register(new ApiDocsFeature(FakeUseCases.ISSUER, "1.2.3"));
    }

    @BeforeAll
    void readTheDocument() {
        HttpResponse<String> response = http.get("/openapi.json");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        document = Http.json(response);
    }

    @Test
    void namesTheServiceItsVersionAndWhereItIsServed() {
        assertThat(document.get("openapi").asText()).startsWith("3.");
        assertThat(document.at("/info/version").asText()).isEqualTo("1.2.3");
        assertThat(document.at("/servers/0/url").asText()).isEqualTo(FakeUseCases.ISSUER.toString());
    }

    @Test
    void offersTheOAuth2PasswordFlowOfTheTokenEndpoint() {
        JsonNode scheme = document.at("/components/securitySchemes/oauth2");
        assertThat(scheme.get("type").asText()).isEqualTo("oauth2");
        JsonNode password = scheme.at("/flows/password");
        assertThat(password.get("tokenUrl").asText()).isEqualTo("/auth/token");
        assertThat(password.get("refreshUrl").asText()).isEqualTo("/auth/token");
        assertThat(fieldNames(password.get("scopes"))).containsExactlyInAnyOrder("profile", "items");
        assertThat(scheme.at("/flows").size()).as("no other flow").isEqualTo(1);
    }

    @Test
    void describesEveryEndpointWithItsStatuses() {
        assertStatuses("/register", "post", "201", "400", "409", "413", "415", "503");
        assertStatuses("/auth/token", "post", "200", "400", "413", "429", "503");
        assertStatuses("/auth/revoke", "post", "200", "400", "413");
        assertStatuses("/.well-known/jwks.json", "get", "200");
        assertStatuses("/.well-known/oauth-authorization-server", "get", "200");
        assertStatuses("/users/me", "get", "200", "401", "404", "429");
        assertStatuses("/users/me/items", "get", "200", "401", "404", "429");
        assertStatuses("/users/me/password", "post", "204", "400", "401", "403", "413", "415", "429", "503");
        assertStatuses("/health/live", "get", "200");
        assertStatuses("/health/ready", "get", "200", "503");
        assertStatuses("/metrics", "get", "200");
        assertStatuses("/openapi.json", "get", "200");
        assertStatuses("/docs", "get", "200", "301");
        assertThat(fieldNames(document.get("paths"))).hasSize(13);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"/users/me", "/users/me/items"})
    void aRateLimitedEndpointDescribesItsHeadersAllowedOrRefused(String path) {
        assertThat(headers(path, "get", "200")).containsKeys("RateLimit", "RateLimit-Policy");
        assertThat(headers(path, "get", "429")).containsKeys("RateLimit", "RateLimit-Policy", "Retry-After");
        assertThat(headers(path, "get", "401")).containsKey("WWW-Authenticate");
        assertThat(headers(path, "get", "200").get("RateLimit").at("/schema/type").asText()).isEqualTo("string");
        assertThat(headers(path, "get", "429").get("Retry-After").at("/schema/minimum").asInt()).isEqualTo(1);
    }

    @Test
    void protectedOperationsNeedTheBearerTokenOfTheFlowAndNoOtherDoes() {
        for (String path : List.of("/users/me", "/users/me/items")) {
            assertThat(fieldNames(operation(path, "get").at("/security/0"))).containsExactly("oauth2");
        }
        assertThat(fieldNames(operation("/users/me/password", "post").at("/security/0"))).containsExactly("oauth2");
        assertThat(document.has("security")).as("no global requirement").isFalse();
        assertThat(operation("/register", "post").has("security")).isFalse();
        assertThat(operation("/auth/token", "post").has("security")).isFalse();
    }

    @Test
    void errorsAreProblemsAndTokenErrorsAreRfc6749Bodies() {
        assertThat(response("/register", "post", "409").at("/content/application~1problem+json/schema/$ref").asText())
                .isEqualTo("#/components/schemas/Problem");
        assertThat(fieldNames(document.at("/components/schemas/Problem/properties")))
                .contains("type", "title", "status", "detail", "invalid-params");
        assertThat(response("/health/ready", "get", "503").at("/content/application~1problem+json/schema/$ref").asText())
                .isEqualTo("#/components/schemas/Problem");

        JsonNode tokenError = response("/auth/token", "post", "400");
        assertThat(tokenError.at("/content/application~1json/schema/$ref").asText()).isEqualTo("#/components/schemas/OAuthError");
        assertThat(document.at("/components/schemas/OAuthError/properties/error/enum")).extracting(JsonNode::asText)
                .containsExactlyInAnyOrder("invalid_request", "invalid_grant", "invalid_scope", "unsupported_grant_type");
        assertThat(headers("/auth/token", "post", "429")).containsKey("Retry-After");
    }

    @Test
    void readinessDescribesTheDegradedAnswerOfANonCriticalOutage() {
        assertThat(response("/health/ready", "get", "200").get("description").asText()).contains("DEGRADED", "DOWN");
        assertThat(operation("/health/ready", "get").get("description").asText()).contains("critical");
        assertThat(document.at("/components/schemas/HealthStatus/properties/status/enum")).extracting(JsonNode::asText)
                .containsExactly("UP", "DEGRADED");
    }

    @Test
    void theTokenEndpointTakesAFormOfBothGrants() {
        JsonNode body = operation("/auth/token", "post").at("/requestBody/content/application~1x-www-form-urlencoded/schema");
        JsonNode form = resolve(body);
        assertThat(form.at("/properties/grant_type/enum")).extracting(JsonNode::asText).containsExactly("password", "refresh_token");
        assertThat(fieldNames(form.get("properties"))).contains("username", "password", "scope", "refresh_token", "client_id");
        assertThat(operation("/auth/token", "post").has("parameters")).as("Content-Type is not a parameter").isFalse();
    }

    @Test
    void schemasNameTheFieldsAsTheWireDoes() {
        assertThat(fieldNames(document.at("/components/schemas/TokenResponse/properties")))
                .containsExactlyInAnyOrder("access_token", "token_type", "expires_in", "refresh_token", "scope");
        assertThat(fieldNames(document.at("/components/schemas/PasswordChangeRequest/properties")))
                .containsExactlyInAnyOrder("current_password", "new_password");
    }

    @Test
    void referencedHeadersCarryNothingBesideTheirReference() {
        JsonNode rateLimit = operation("/users/me", "get").at("/responses/200/headers/RateLimit");
        assertThat(fieldNames(rateLimit)).containsExactly("$ref");
    }

    @Test
    void describesTheResourcesTheApplicationRegisteredAndNoOthers() {
        assertThat(document.get("paths").has("/test/principal")).as("a @Path class of the tests, not registered").isFalse();

        ResourceConfig withEcho = RestApplication.create(fakes.components()).register(PrincipalEchoResource.class)
                .register(new ApiDocsFeature(FakeUseCases.ISSUER, "1.2.3"));
        try (TestServer other = TestServer.start(withEcho)) {
            JsonNode paths = Http.json(new Http(other).get("/openapi.json")).get("paths");
            assertThat(paths.has("/test/principal")).isTrue();
            assertThat(paths.has("/metrics")).as("not registered there").isFalse();
        }
    }

    private void assertStatuses(String path, String method, String... statuses) {
        assertThat(fieldNames(operation(path, method).get("responses"))).as(method + " " + path).containsExactlyInAnyOrder(statuses);
    }

    private JsonNode operation(String path, String method) {
        JsonNode operation = document.get("paths").path(path).path(method);
        assertThat(operation.isMissingNode()).as(method + " " + path + " is documented").isFalse();
        return operation;
    }

    private JsonNode response(String path, String method, String status) {
        return resolve(operation(path, method).at("/responses/" + status));
    }

    private Map<String, JsonNode> headers(String path, String method, String status) {
        Map<String, JsonNode> headers = new HashMap<>();
        response(path, method, status).path("headers").fields().forEachRemaining(h -> headers.put(h.getKey(), resolve(h.getValue())));
        return headers;
    }

    /** Follows a local {@code $ref} to what it names. */
    private JsonNode resolve(JsonNode node) {
        return node.has("$ref") ? document.at(node.get("$ref").asText().substring(1)) : node;
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
