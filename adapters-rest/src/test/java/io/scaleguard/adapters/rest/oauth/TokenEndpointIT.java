package io.scaleguard.adapters.rest.oauth;

import static io.scaleguard.adapters.rest.testing.Answers.assertNotCacheable;
import static io.scaleguard.adapters.rest.testing.Answers.assertOAuthError;
import static io.scaleguard.adapters.rest.testing.Answers.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.scaleguard.adapters.rest.testing.Http;
import io.scaleguard.adapters.rest.testing.ServedApplication;
import io.scaleguard.application.port.in.IssueTokenCommand;
import io.scaleguard.application.port.in.IssueTokenUseCase.TokenResult;
import io.scaleguard.application.port.out.StoreUnavailable;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TokenEndpointIT extends ServedApplication {

    private static final String LOGIN = "grant_type=password&username=alice&password=correct+horse+battery&scope=profile";

    @Test
    void passwordGrantAnswersTheTokensUncacheably() {
        HttpResponse<String> response = http.postForm("/auth/token", LOGIN);

        assertThat(response.statusCode()).isEqualTo(200);
        assertNotCacheable(response);
        JsonNode body = Http.json(response);
        assertThat(body.get("access_token").asText()).isEqualTo("access-token");
        assertThat(body.get("token_type").asText()).isEqualTo("Bearer");
        assertThat(body.get("expires_in").asLong()).isEqualTo(900);
        assertThat(body.get("refresh_token").asText()).isEqualTo("refresh-token");
        assertThat(body.get("scope").asText()).isEqualTo("profile");
        assertThat(fakes.tokenRequests).singleElement().isEqualTo(
                new IssueTokenCommand.PasswordGrant("alice", "correct horse battery", Set.of("profile"), "127.0.0.1"));
    }

    @Test
    void refreshGrantPassesTheTokenAndScopes() {
        fakes.issue = command -> new TokenResult.Issued("a2", Duration.ofSeconds(60), "r2", Set.of("profile", "items"));

        HttpResponse<String> response = http.postForm("/auth/token", "grant_type=refresh_token&refresh_token=r1&scope=items+profile");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(Http.json(response).get("scope").asText()).isEqualTo("items profile");
        assertThat(fakes.tokenRequests).singleElement().isEqualTo(
                new IssueTokenCommand.RefreshGrant("r1", Set.of("profile", "items"), "127.0.0.1"));
    }

    @Test
    void acceptsAClientIdAndAnExplicitUtf8Charset() {
        HttpResponse<String> response = http.post("/auth/token", "application/x-www-form-urlencoded; charset=UTF-8",
                LOGIN + "&client_id=cli");

        assertThat(response.statusCode()).isEqualTo(200);
    }

    @Test
    void everyRejectedGrantGetsTheSameAnswer() {
        fakes.issue = command -> new TokenResult.InvalidGrant();

        HttpResponse<String> wrongPassword = http.postForm("/auth/token", "grant_type=password&username=alice&password=wrong+password");
        HttpResponse<String> unknownUser = http.postForm("/auth/token", "grant_type=password&username=nobody&password=whatever+it+is");
        HttpResponse<String> badRefresh = http.postForm("/auth/token", "grant_type=refresh_token&refresh_token=rotated");

        assertOAuthError(wrongPassword, "invalid_grant");
        assertThat(unknownUser.body()).isEqualTo(wrongPassword.body());
        assertThat(badRefresh.body()).isEqualTo(wrongPassword.body());
        assertThat(unknownUser.headers().map()).containsAllEntriesOf(Http.withoutDate(wrongPassword.headers().map()));
    }

    @Test
    void sqlLookingCredentialsAreJustStringsForTheUseCase() {
        fakes.issue = command -> new TokenResult.InvalidGrant();

        HttpResponse<String> response = http.postForm("/auth/token", "grant_type=password&username="
                + URLEncoder.encode("' OR 1=1 --", StandardCharsets.UTF_8) + "&password=" + URLEncoder.encode("x' OR '1'='1", StandardCharsets.UTF_8));

        assertOAuthError(response, "invalid_grant");
        assertThat(((IssueTokenCommand.PasswordGrant) fakes.tokenRequests.get(0)).username()).isEqualTo("' OR 1=1 --");
    }

    @Test
    void aScopeTheUseCaseRefusesIsInvalidScope() {
        fakes.issue = command -> new TokenResult.InvalidScope();

        assertOAuthError(http.postForm("/auth/token", LOGIN.replace("profile", "admin")), "invalid_scope");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"profile++items", "+profile", "profile%22", "profile%5Citems", "caf%C3%A9"})
    void aMalformedScopeIsInvalidScopeWithoutAskingTheUseCase(String scope) {
        assertOAuthError(http.postForm("/auth/token", "grant_type=password&username=alice&password=secret+enough&scope=" + scope),
                "invalid_scope");
        assertThat(fakes.untouched()).isTrue();
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"client_credentials", "authorization_code", "PASSWORD", "urn:ietf:params:oauth:grant-type:jwt-bearer"})
    void otherGrantTypesAreUnsupported(String grantType) {
        assertOAuthError(http.postForm("/auth/token", "grant_type=" + grantType + "&username=alice&password=secret+enough"),
                "unsupported_grant_type");
        assertThat(fakes.untouched()).isTrue();
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {
        "",
        "username=alice&password=secret+enough",
        "grant_type=&username=alice&password=secret+enough",
        "grant_type=password&grant_type=password&username=alice&password=secret+enough",
        "grant_type=password&username=alice&username=bob&password=secret+enough",
        "grant_type=password&username=alice",
        "grant_type=password&password=secret+enough",
        "grant_type=password&username=alice&password=secret+enough&refresh_token=r1",
        "grant_type=refresh_token",
        "grant_type=refresh_token&refresh_token=r1&username=alice",
        "grant_type=password&username=alice&password=secret+enough&role=admin",
        "grant_type=password&username=alice&password=secret%zzenough",
        "grant_type=password&username=alice&password=secret%2",
        "grant_type=password&username=al%C3%28ice&password=secret+enough",
        "grant_type=password&username=al%00ice&password=secret+enough",
        "grant_type=password&username=alice&password=secret%0Aenough",
        "grant_type=password&username=alice&password=secret%7Fenough",
    })
    void malformedRequestsAreInvalidRequestWithoutAskingTheUseCase(String form) {
        assertOAuthError(http.postForm("/auth/token", form), "invalid_request");
        assertThat(fakes.untouched()).isTrue();
    }

    @Test
    void anOverlongParameterIsInvalidRequest() {
        assertOAuthError(http.postForm("/auth/token", "grant_type=password&username=" + "a".repeat(3000) + "&password=secret+enough"),
                "invalid_request");
        assertThat(fakes.untouched()).isTrue();
    }

    @Test
    void invalidUtf8BytesInTheRawBodyAreInvalidRequest() {
        byte[] body = "grant_type=password&username=al\u00ffice&password=secret+enough".getBytes(StandardCharsets.ISO_8859_1);

        assertOAuthError(http.post("/auth/token", "application/x-www-form-urlencoded", body), "invalid_request");
        assertThat(fakes.untouched()).isTrue();
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"application/json", "text/plain", "multipart/form-data; boundary=x", "application/x-www-form-urlencoded; charset=ISO-8859-1", "*/*"})
    void otherContentTypesAreInvalidRequestNot415(String contentType) {
        assertOAuthError(http.post("/auth/token", contentType, LOGIN), "invalid_request");
        assertThat(fakes.untouched()).isTrue();
    }

    @Test
    void aBodyWithoutContentTypeIsInvalidRequest() {
        assertOAuthError(http.post("/auth/token", null, LOGIN), "invalid_request");
        assertThat(fakes.untouched()).isTrue();
    }

    @Test
    void tooManyAttemptsIs429WithRetryAfterInWholeSeconds() {
        fakes.issue = command -> new TokenResult.Throttled(Duration.ofMillis(1500));

        HttpResponse<String> response = http.postForm("/auth/token", LOGIN);

        assertProblem(response, 429);
        assertThat(response.headers().firstValue("Retry-After")).hasValue("2");
        assertNotCacheable(response);
    }

    @Test
    void busyHashingIs503WithRetryAfter() {
        fakes.issue = command -> new TokenResult.Busy(Duration.ZERO);

        HttpResponse<String> response = http.postForm("/auth/token", LOGIN);

        assertProblem(response, 503);
        assertThat(response.headers().firstValue("Retry-After")).hasValue("1");
        assertNotCacheable(response);
    }

    @Test
    void anUnavailableStoreIs503() {
        fakes.issue = command -> {
            throw new StoreUnavailable("connection refused to db.internal:5432", null);
        };

        HttpResponse<String> response = http.postForm("/auth/token", LOGIN);

        assertProblem(response, 503);
        assertThat(response.body()).doesNotContain("db.internal");
        assertNotCacheable(response);
    }

    @Test
    void anOversizedBodyIs413AndNotCacheable() {
        HttpResponse<String> response = http.postForm("/auth/token", LOGIN + "&client_id=" + "c".repeat(20_000));

        assertProblem(response, 413);
        assertNotCacheable(response);
        assertThat(fakes.untouched()).isTrue();
    }

    @Test
    void getIs405WithAllowAndNotCacheable() {
        HttpResponse<String> response = http.get("/auth/token");

        assertProblem(response, 405);
        assertThat(response.headers().firstValue("Allow").orElse("")).contains("POST");
        assertNotCacheable(response);
    }
}
