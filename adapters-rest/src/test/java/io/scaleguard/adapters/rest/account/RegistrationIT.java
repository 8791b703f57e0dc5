package io.scaleguard.adapters.rest.account;

import static io.scaleguard.adapters.rest.testing.Answers.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.scaleguard.adapters.rest.testing.Http;
import io.scaleguard.adapters.rest.testing.ServedApplication;
import io.scaleguard.application.port.in.RegisterUserUseCase.RegistrationResult;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RegistrationIT extends ServedApplication {

    private static final String ALICE = "{\"username\":\"Alice\",\"email\":\"alice@example.com\",\"password\":\"correct horse battery\"}";

    @Test
    void registersAnAccountAndAnswersItsProfileWithALocation() {
        HttpResponse<String> response = http.postJson("/register", ALICE);

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.headers().firstValue("Location")).hasValue("/users/me");
        JsonNode body = Http.json(response);
        assertThat(body.get("username").asText()).isEqualTo("alice");
        assertThat(body.get("email").asText()).isEqualTo("alice@example.com");
        assertThat(body.get("plan").asText()).isEqualTo("default");
        assertThat(body.get("id").asText()).isNotBlank();
        assertThat(body.has("password")).isFalse();
        assertThat(fakes.registrations).singleElement().satisfies(c -> assertThat(c.password().value()).isEqualTo("correct horse battery"));
    }

    @Test
    void aTakenUsernameIsAConflictNamingTheField() {
        fakes.register = command -> new RegistrationResult.UsernameTaken();

        HttpResponse<String> response = http.postJson("/register", ALICE);

        assertProblem(response, 409);
        assertThat(Http.json(response).at("/invalid-params/0/name").asText()).isEqualTo("username");
    }

    @Test
    void aTakenEmailIsAConflictNamingTheField() {
        fakes.register = command -> new RegistrationResult.EmailTaken();

        HttpResponse<String> response = http.postJson("/register", ALICE);

        assertProblem(response, 409);
        assertThat(Http.json(response).at("/invalid-params/0/name").asText()).isEqualTo("email");
    }

    @Test
    void busyHashingIs503WithRetryAfter() {
        fakes.register = command -> new RegistrationResult.Busy(Duration.ofMillis(200));

        HttpResponse<String> response = http.postJson("/register", ALICE);

        assertProblem(response, 503);
        assertThat(response.headers().firstValue("Retry-After")).hasValue("1");
    }

    @Test
    void listsEveryBadFieldAtOnceAndDoesNotRegister() {
        HttpResponse<String> response = http.postJson("/register", "{\"username\":\"' OR 1=1 --\",\"email\":\"nope\",\"password\":\"short\"}");

        assertProblem(response, 400);
        assertThat(Http.json(response).get("invalid-params").findValuesAsText("name")).containsExactly("username", "email", "password");
        assertThat(fakes.untouched()).isTrue();
    }

    @Test
    void missingFieldsAreListedAsRequired() {
        HttpResponse<String> response = http.postJson("/register", "{\"username\":\"alice\"}");

        assertProblem(response, 400);
        JsonNode params = Http.json(response).get("invalid-params");
        assertThat(params.findValuesAsText("name")).containsExactly("email", "password");
        assertThat(params.findValuesAsText("reason")).containsOnly("is required");
        assertThat(fakes.untouched()).isTrue();
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {
        "{\"username\":\"alice\",\"email\":\"alice@example.com\",\"password\":\"correct horse battery\",\"admin\":true}",
        "{\"username\":\"alice\",\"username\":\"mallory\",\"email\":\"alice@example.com\",\"password\":\"correct horse battery\"}",
        "{\"username\":42,\"email\":\"alice@example.com\",\"password\":\"correct horse battery\"}",
        "{\"username\":{\"$ne\":null},\"email\":\"alice@example.com\",\"password\":\"correct horse battery\"}",
        "{\"username\":[\"alice\"],\"email\":\"alice@example.com\",\"password\":\"correct horse battery\"}",
        "{\"username\":\"alice\u0000\",\"email\":\"alice@example.com\",\"password\":\"correct horse battery\"}",
        "{\"username\":\"alice\\u0007\",\"email\":\"alice@example.com\",\"password\":\"correct horse battery\"}",
        "{\"username\":\"alice\",\"email\":\"alice@example.com\",\"password\":\"\\ud800\\ud800\\ud800\\ud800\\ud800\\ud800\\ud800\\ud800\"}",
        "{\"username\":\"alice\",\"email\":\"alice@example.com\",\"password\":\"correct horse battery\"",
        "{\"username\":\"alice\",\"email\":\"alice@example.com\",\"password\":\"correct horse battery\"} {}",
        "[\"alice\",\"alice@example.com\",\"correct horse battery\"]",
        "\"alice\"",
        "null",
        "",
        "{'username':'alice'}",
    })
    void refusesMalformedBodiesWithAProblemAndRegistersNothing(String body) {
        HttpResponse<String> response = http.postJson("/register", body);

        assertProblem(response, 400);
        assertThat(fakes.untouched()).isTrue();
    }

    @Test
    void namesTheUnknownAndTheDuplicatedField() {
        HttpResponse<String> unknown = http.postJson("/register", "{\"username\":\"alice\",\"role\":\"admin\"}");
        HttpResponse<String> duplicate = http.postJson("/register", "{\"username\":\"alice\",\"username\":\"bob\"}");

        assertThat(Http.json(unknown).at("/invalid-params/0/name").asText()).isEqualTo("role");
        assertThat(Http.json(duplicate).at("/invalid-params/0/name").asText()).isEqualTo("username");
    }

    @Test
    void refusesOverlongStringsNamingTheField() {
        String longName = "a".repeat(1000);
        HttpResponse<String> response = http.postJson("/register",
                "{\"username\":\"" + longName + "\",\"email\":\"alice@example.com\",\"password\":\"" + "p".repeat(129) + "\"}");

        assertProblem(response, 400);
        assertThat(Http.json(response).get("invalid-params").findValuesAsText("name")).containsExactly("username", "password");
        assertThat(fakes.untouched()).isTrue();
    }

    @Test
    void refusesInvalidUtf8Bytes() {
        byte[] prefix = "{\"username\":\"al".getBytes(StandardCharsets.UTF_8);
        byte[] suffix = "ice\",\"email\":\"alice@example.com\",\"password\":\"correct horse battery\"}".getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[prefix.length + 2 + suffix.length];
        System.arraycopy(prefix, 0, body, 0, prefix.length);
        body[prefix.length] = (byte) 0xC3;
        body[prefix.length + 1] = (byte) 0x28;
        System.arraycopy(suffix, 0, body, prefix.length + 2, suffix.length);

        HttpResponse<String> response = http.post("/register", "application/json", body);

        assertProblem(response, 400);
        assertThat(fakes.untouched()).isTrue();
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"text/plain", "application/x-www-form-urlencoded", "application/xml"})
    void refusesOtherContentTypesWith415(String contentType) {
        HttpResponse<String> response = http.post("/register", contentType, ALICE);

        assertProblem(response, 415);
        assertThat(fakes.untouched()).isTrue();
    }

    @Test
    void refusesABodyWithoutContentTypeWith415() {
        assertProblem(http.post("/register", null, ALICE), 415);
        assertThat(fakes.untouched()).isTrue();
    }

    @Test
    void refusesAnOversizedBodyWith413() {
        String padding = " ".repeat(20_000);
        HttpResponse<String> response = http.postJson("/register", "{" + padding + ALICE.substring(1));

        assertProblem(response, 413);
        assertThat(fakes.untouched()).isTrue();
    }
}
