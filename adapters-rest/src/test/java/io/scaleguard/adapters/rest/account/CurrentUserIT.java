package io.scaleguard.adapters.rest.account;

import static io.scaleguard.adapters.rest.testing.Answers.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.scaleguard.adapters.rest.testing.FakeUseCases;
import io.scaleguard.adapters.rest.testing.Http;
import io.scaleguard.adapters.rest.testing.ServedApplication;
import io.scaleguard.application.port.in.ChangePasswordUseCase.ChangeResult;
import io.scaleguard.application.port.in.GetProfileQuery;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CurrentUserIT extends ServedApplication {

    private static final String[] BEARER = {"Authorization", "Bearer " + FakeUseCases.GOOD_TOKEN};
    private static final String CHANGE = "{\"current_password\":\"correct horse battery\",\"new_password\":\"staple battery horse\"}";

    @Test
    void answersTheCallersProfileWithRateLimitHeaders() {
        HttpResponse<String> response = http.get("/users/me", BEARER);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode profile = Http.json(response);
        assertThat(profile.get("id").asText()).isEqualTo(FakeUseCases.ALICE.id().toString());
        assertThat(profile.get("username").asText()).isEqualTo("alice");
        assertThat(profile.get("email").asText()).isEqualTo("alice@example.com");
        assertThat(profile.get("plan").asText()).isEqualTo("default");
        assertThat(response.headers().firstValue("RateLimit")).isPresent();
        assertThat(fakes.profileQueries).containsExactly(new GetProfileQuery(FakeUseCases.ALICE.id()));
    }

    @Test
    void itemsAnswerUsernameAndEmailOnly() {
        HttpResponse<String> response = http.get("/users/me/items", BEARER);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"username\":\"alice\",\"email\":\"alice@example.com\"}");
        assertThat(response.headers().firstValue("RateLimit-Policy")).isPresent();
    }

    @Test
    void aVanishedAccountIs404StillWithRateLimitHeaders() {
        fakes.profile = query -> Optional.empty();

        HttpResponse<String> response = http.get("/users/me", BEARER);

        assertProblem(response, 404);
        assertThat(response.headers().firstValue("RateLimit")).isPresent();
    }

    @Test
    void changesThePasswordOfTheTokensUserNotOneNamedInTheBody() {
        HttpResponse<String> response = http.postJson("/users/me/password", CHANGE, BEARER);

        assertThat(response.statusCode()).isEqualTo(204);
        assertThat(fakes.passwordChanges).singleElement().satisfies(command -> {
            assertThat(command.userId()).isEqualTo(FakeUseCases.ALICE.id());
            assertThat(command.currentPassword().value()).isEqualTo("correct horse battery");
            assertThat(command.newPassword().value()).isEqualTo("staple battery horse");
        });
    }

    @Test
    void aWrongCurrentPasswordIs403() {
        fakes.changePassword = command -> new ChangeResult.Rejected();

        assertProblem(http.postJson("/users/me/password", CHANGE, BEARER), 403);
    }

    @Test
    void tooManyAttemptsIs429WithRetryAfter() {
        fakes.changePassword = command -> new ChangeResult.Throttled(Duration.ofSeconds(7));

        HttpResponse<String> response = http.postJson("/users/me/password", CHANGE, BEARER);

        assertProblem(response, 429);
        assertThat(response.headers().firstValue("Retry-After")).hasValue("7");
    }

    @Test
    void busyHashingIs503WithRetryAfter() {
        fakes.changePassword = command -> new ChangeResult.Busy(Duration.ofMillis(1));

        HttpResponse<String> response = http.postJson("/users/me/password", CHANGE, BEARER);

        assertProblem(response, 503);
        assertThat(response.headers().firstValue("Retry-After")).hasValue("1");
    }

    @Test
    void needsABearerTokenBeforeAnythingElse() {
        assertProblem(http.postJson("/users/me/password", CHANGE), 401);
        assertThat(fakes.passwordChanges).isEmpty();
    }

    @Test
    void listsBothBadPasswords() {
        HttpResponse<String> response = http.postJson("/users/me/password", "{\"current_password\":\"\",\"new_password\":\"short\"}", BEARER);

        assertThat(assertProblem(response, 400).get("invalid-params").findValuesAsText("name"))
                .containsExactly("current_password", "new_password");
        assertThat(fakes.passwordChanges).isEmpty();
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {
        "{\"current_password\":\"correct horse battery\"}",
        "{\"current_password\":\"correct horse battery\",\"new_password\":\"staple battery horse\",\"user_id\":\"someone\"}",
        "{\"current_password\":\"correct horse battery\",\"new_password\":\"a\",\"new_password\":\"staple battery horse\"}",
        "{\"current_password\":\"correct horse battery\",\"new_password\":12345678}",
        "{\"current_password\":\"correct horse battery\",\"new_password\":\"staple\\u0000battery\"}",
        "{\"currentPassword\":\"correct horse battery\",\"newPassword\":\"staple battery horse\"}",
        "{\"current_password\":\"correct horse battery\",",
        "",
    })
    void refusesBadBodiesWithoutChangingAnything(String body) {
        HttpResponse<String> response = http.postJson("/users/me/password", body, BEARER);

        assertProblem(response, 400);
        assertThat(response.headers().firstValue("RateLimit")).isPresent();
        assertThat(fakes.passwordChanges).isEmpty();
    }

    @Test
    void refusesAFormBodyWith415() {
        assertProblem(http.postForm("/users/me/password", "current_password=a&new_password=b", BEARER), 415);
        assertThat(fakes.passwordChanges).isEmpty();
    }

    @Test
    void refusesAnOversizedBodyWith413() {
        HttpResponse<String> response = http.postJson("/users/me/password", "{\"current_password\":\"" + "x".repeat(20_000) + "\"}", BEARER);

        assertProblem(response, 413);
        assertThat(fakes.passwordChanges).isEmpty();
    }

    @Test
    void asksForAnotherMediaTypeIs406() {
        HttpResponse<String> response = http.get("/users/me", "Accept", "text/html", BEARER[0], BEARER[1]);

        assertProblem(response, 406);
    }
}
