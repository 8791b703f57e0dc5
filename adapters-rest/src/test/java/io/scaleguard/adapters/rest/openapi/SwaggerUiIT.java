package io.scaleguard.adapters.rest.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.scaleguard.adapters.rest.RestApplication;
import io.scaleguard.adapters.rest.testing.FakeUseCases;
import io.scaleguard.adapters.rest.testing.Http;
import io.scaleguard.adapters.rest.testing.ServedApplication;
import io.scaleguard.application.port.in.IssueTokenCommand;
import io.scaleguard.application.port.in.IssueTokenUseCase.TokenResult;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Set;
import org.glassfish.jersey.server.ResourceConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Swagger UI at {@code /docs/}, and what its Authorize dialog and "Try it out" send to the API. */
class SwaggerUiIT extends ServedApplication {

    @Override
    protected ResourceConfig application() {
        return RestApplication.create(fakes.components()).register(new ApiDocsFeature(FakeUseCases.ISSUER, "1.2.3"));
    }

    @Test
    void docsWithoutTheSlashRedirectsToDocsWithIt() {
        HttpResponse<String> response = http.get("/docs");

        assertThat(response.statusCode()).isEqualTo(301);
        assertThat(response.headers().firstValue("Location")).hasValue("/docs/");
    }

    @Test
    void docsServesTheSwaggerUiPage() {
        HttpResponse<String> response = http.get("/docs/");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(response.body()).contains("<div id=\"swagger-ui\">", "./swagger-ui-bundle.js", "./swagger-initializer.js");
    }

    @Test
    void theInitializerPointsAtThisServicesDocumentAndItsPasswordFlow() {
        HttpResponse<String> response = http.get("/docs/swagger-initializer.js");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/javascript"));
        assertThat(response.body()).contains("url: \"/openapi.json\"", "persistAuthorization: false", "initOAuth(")
                .doesNotContain("petstore", "clientSecret");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"swagger-ui-bundle.js|text/javascript", "swagger-ui.css|text/css", "index.css|text/css",
        "favicon-32x32.png|image/png", "oauth2-redirect.html|text/html"})
    void servesTheWebjarsFilesWithTheirTypes(String fileAndType) {
        String[] parts = fileAndType.split("\\|");
        HttpResponse<String> response = http.get("/docs/" + parts[0]);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith(parts[1]));
        assertThat(response.body()).isNotEmpty();
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {
        "/docs/../../etc/passwd",
        "/docs/..%2F..%2Fetc%2Fpasswd",
        "/docs/%2e%2e/%2e%2e/etc/passwd",
        "/docs/%2e%2e%2f%2e%2e%2fetc%2fpasswd",
        "/docs/..%5C..%5Cetc%5Cpasswd",
        "/docs/%252e%252e%252fetc%252fpasswd",
        "/docs/..%2F..%2F..%2F..%2F..%2F..%2Fio%2Fscaleguard%2Fadapters%2Frest%2FRestApplication.class",
        "/docs/..%2Fswagger-ui%2F5.35.0%2Findex.html",
        "/docs/index.html%00.png",
        "/docs/..",
        "/docs/.hidden.js",
        "/docs/pom.properties",
        "/docs/swagger-ui/index.html",
        "/docs/no-such-file.js"})
    void refusesEverythingButAFileOfTheWebjarWith404(String path) {
        String answer = http.raw("GET", path, "", new byte[0]);

        assertThat(answer).startsWith("HTTP/1.1 404").doesNotContain("root:", "<html", "SwaggerUIBundle");
    }

    @Test
    void theAuthorizeDialogsPasswordRequestIsAccepted() {
        fakes.issue = command -> new TokenResult.Issued(FakeUseCases.GOOD_TOKEN, Duration.ofMinutes(15), "refresh", Set.of("profile", "items"));
        // What Swagger UI's password flow sends by default: its form in this order, and Basic client credentials
        // built from an empty client id and secret.
        String form = "grant_type=password&scope=profile+items&username=alice&password=" + URLEncoder.encode("correct horse", StandardCharsets.UTF_8);
        HttpResponse<String> token = http.postForm("/auth/token", form,
                "Authorization", "Basic " + Base64.getEncoder().encodeToString(":".getBytes(StandardCharsets.UTF_8)),
                "X-Requested-With", "XMLHttpRequest");

        assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
        assertThat(fakes.tokenRequests).singleElement().isEqualTo(
                new IssueTokenCommand.PasswordGrant("alice", "correct horse", Set.of("profile", "items"), "127.0.0.1"));

        // "Try it out" then sends the access token from the answer as a bearer token.
        String accessToken = Http.json(token).get("access_token").asText();
        HttpResponse<String> me = http.get("/users/me", "Authorization", Http.json(token).get("token_type").asText() + " " + accessToken);
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(me.headers().firstValue("RateLimit")).isPresent();
    }

    @Test
    void theDialogsRequestBodyVariantWithAClientIdAndNoScopeIsAcceptedToo() {
        HttpResponse<String> token = http.postForm("/auth/token", "grant_type=password&username=alice&password=secret+enough&client_id=swagger-ui");

        assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
        assertThat(((IssueTokenCommand.PasswordGrant) fakes.tokenRequests.get(0)).scopes()).isEmpty();
    }
}
