package io.scaleguard.adapters.rest;

import static io.scaleguard.adapters.rest.testing.Answers.assertNoInternals;
import static io.scaleguard.adapters.rest.testing.Answers.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.scaleguard.adapters.rest.testing.FakeUseCases;
import io.scaleguard.adapters.rest.testing.Http;
import io.scaleguard.adapters.rest.testing.ServedApplication;
import io.scaleguard.adapters.rest.testing.TestServer;
import io.scaleguard.application.port.out.PasswordHashingBusy;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What the application answers to requests no endpoint serves, and to failures of the code behind them. */
class HttpErrorsIT extends ServedApplication {

    private static final String ALICE = "{\"username\":\"alice\",\"email\":\"alice@example.com\",\"password\":\"correct horse battery\"}";

    @Test
    void anUnknownPathIs404Problem() {
        assertProblem(http.get("/nothing/here"), 404);
    }

    @Test
    void aWrongMethodIs405ProblemWithAllow() {
        HttpResponse<String> response = http.get("/register");

        assertProblem(response, 405);
        assertThat(response.headers().firstValue("Allow").orElse("")).contains("POST");
    }

    @Test
    void wadlIsNotServed() {
        assertProblem(http.get("/application.wadl"), 404);
        HttpResponse<String> options = http.send(http.request("/register").method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
        assertThat(options.body()).doesNotContainIgnoringCase("wadl");
    }

    @Test
    void aChunkedBodyOverTheLimitIs413() {
        byte[] body = ("{\"username\":\"" + "a".repeat(40_000) + "\"}").getBytes(StandardCharsets.UTF_8);
        HttpRequest.Builder chunked = http.request("/register").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)));

        assertProblem(http.send(chunked), 413);
        assertThat(fakes.untouched()).isTrue();
    }

    @Test
    void aDeclaredLengthOverTheLimitIs413BeforeTheBodyIsRead() {
        String answer = http.raw(("POST /register HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nContent-Type: application/json\r\n"
                + "Content-Length: 999999999\r\n\r\n{}").getBytes(StandardCharsets.ISO_8859_1));

        assertThat(answer).startsWith("HTTP/1.1 413").contains("application/problem+json");
        assertThat(fakes.untouched()).isTrue();
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"Content-Type: ;;;\r\n", "Content-Type: application/json; charset\r\n", "Accept: ;q=\r\n",
        "Content-Type: application/json\r\nContent-Type: text/plain\r\n"})
    void malformedHeadersAre4xxProblems(String headers) {
        String answer = http.raw("POST", "/register", headers, ALICE.getBytes(StandardCharsets.UTF_8));

        assertThat(answer).matches("(?s)HTTP/1\\.1 4\\d\\d .*").contains("application/problem+json");
        assertNoInternals(answer);
        assertThat(fakes.untouched()).isTrue();
    }

    @Test
    void anUnexpectedFailureIsAGeneric500WithoutItsMessage() {
        fakes.register = command -> {
            throw new IllegalStateException("password=hunter2 at db.internal");
        };

        HttpResponse<String> response = http.postJson("/register", ALICE);

        assertProblem(response, 500);
        assertThat(response.body()).doesNotContain("hunter2", "db.internal", "IllegalStateException");
    }

    @Test
    void saturatedPasswordHashingThrownByAUseCaseIs503WithRetryAfter() {
        fakes.register = command -> {
            throw new PasswordHashingBusy(Duration.ofMillis(2500));
        };

        HttpResponse<String> response = http.postJson("/register", ALICE);

        assertProblem(response, 503);
        assertThat(response.headers().firstValue("Retry-After")).hasValue("3");
    }

    @Test
    void aFailingProtectedEndpointStillCarriesTheRateLimitHeaders() {
        fakes.profile = query -> {
            throw new IllegalStateException("boom");
        };

        HttpResponse<String> response = http.get("/users/me", "Authorization", "Bearer " + FakeUseCases.GOOD_TOKEN);

        assertProblem(response, 500);
        assertThat(response.headers().firstValue("RateLimit")).isPresent();
    }

    @Test
    void aHeaderBlockOverGrizzlysOwnLimitIsRefusedWith4xxNot500() {
        try (TestServer defaults = TestServer.start(RestApplication.create(fakes.components()), 0)) {
            String answer = new Http(defaults).raw("GET", "/users/me", "Authorization: Bearer " + "a".repeat(20_000) + "\r\n", new byte[0]);

            assertThat(answer).matches("(?s)HTTP/1\\.1 4\\d\\d .*");
            assertNoInternals(answer);
        }
    }
}
