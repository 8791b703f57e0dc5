package io.scaleguard.adapters.rest.observability;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.scaleguard.adapters.rest.RestApplication;
import io.scaleguard.adapters.rest.testing.FakeUseCases;
import io.scaleguard.adapters.rest.testing.LogCapture;
import io.scaleguard.adapters.rest.testing.ServedApplication;
import io.scaleguard.application.port.in.IssueTokenUseCase.TokenResult;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.glassfish.jersey.server.ResourceConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The request log's text (its records' messages), and what must never reach any record: message, stack trace or parameters. */
class RequestLogIT extends ServedApplication {

    /** One word, so that a parser quoting a bare token would quote all of it. */
    private static final String PASSWORD = "Tr0ub4dorAnd3Horses";
    private static final String ISSUED_ACCESS = "eyJhbGciOi.issued-access-token.sig";
    private static final String ISSUED_REFRESH = "issued-refresh-token-0f9e8d";

    private LogCapture logs;

    @Override
    protected ResourceConfig application() {
        return RestApplication.create(fakes.components()).register(new ObservabilityFeature(
                new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), () -> 0));
    }

    @BeforeEach
    void captureLogs() {
        logs = LogCapture.start();
        fakes.issue = command -> new TokenResult.Issued(ISSUED_ACCESS, Duration.ofMinutes(15), ISSUED_REFRESH, Set.of("profile"));
    }

    @AfterEach
    void stopCapturing() {
        logs.close();
    }

    @Test
    void theLineOfAProtectedRequestNamesTheUserAndNotTheToken() {
        HttpResponse<String> response = http.get("/users/me", "Authorization", "Bearer " + FakeUseCases.GOOD_TOKEN);

        String requestId = response.headers().firstValue(RequestIdFilter.HEADER).orElseThrow();
        assertThat(requestLines()).singleElement().asString().matches(
                "method=GET route=/users/me status=200 latency_ms=\\d+\\.\\d+ user_id=" + FakeUseCases.ALICE.id()
                        + " request_id=" + requestId);
        assertThat(logs.lines()).noneMatch(line -> line.contains(FakeUseCases.GOOD_TOKEN));
    }

    @Test
    void aRefusedRequestIsLoggedWithoutAUser() {
        http.get("/users/me", "Authorization", "Bearer some.unknown.token");

        assertThat(requestLines()).singleElement().asString()
                .startsWith("method=GET route=/users/me status=401 latency_ms=").doesNotContain("user_id");
        assertThat(logs.lines()).noneMatch(line -> line.contains("some.unknown.token"));
    }

    @Test
    void anUnknownPathIsLoggedAsUnmatchedWithoutThePathOrItsQuery() {
        http.get("/reset-password/" + PASSWORD + "?token=" + ISSUED_REFRESH);

        assertThat(requestLines()).singleElement().asString().startsWith("method=GET route=UNMATCHED status=404 ");
        assertNoSecretIn(logs.lines());
    }

    @Test
    void noPasswordTokenOrAuthorizationHeaderReachesAnyLogLine() {
        http.postForm("/auth/token", "grant_type=password&username=alice&password=" + PASSWORD + "&scope=profile",
                "Authorization", "Basic " + PASSWORD, "Cookie", "session=" + PASSWORD);
        http.postForm("/auth/token", "grant_type=refresh_token&refresh_token=" + ISSUED_REFRESH);
        http.postForm("/auth/token", "grant_type=password&username=alice&password=" + PASSWORD + "&bogus=" + PASSWORD);
        http.postForm("/auth/revoke", "token=" + ISSUED_REFRESH);
        http.postJson("/register", "{\"username\":\"alice\",\"email\":\"alice@example.com\",\"password\":\"" + PASSWORD + "\"}");
        http.postJson("/users/me/password", "{\"current_password\":\"" + PASSWORD + "\",\"new_password\":\"" + PASSWORD + "-2\"}",
                "Authorization", "Bearer " + FakeUseCases.GOOD_TOKEN);

        assertThat(requestLines()).hasSize(6);
        assertNoSecretIn(logs.lines());
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {
        "{\"username\":\"alice\",\"email\":\"a@example.com\",\"password\":" + PASSWORD + "}",
        "{\"username\":\"alice\",\"email\":\"a@example.com\",\"password\":\"" + PASSWORD + "\",\"password\":\"x\"}",
        "{\"username\":\"alice\",\"email\":\"a@example.com\",\"password\":[\"" + PASSWORD + "\"]}",
        "{\"username\":\"alice\",\"" + PASSWORD + "\":1}",
        "[\"" + PASSWORD + "\"]"})
    void aRefusedJsonBodyLeavesNoPasswordInAnyLogLine(String body) {
        HttpResponse<String> response = http.postJson("/register", body);

        assertThat(response.statusCode()).isEqualTo(400);
        assertNoSecretIn(logs.lines());
    }

    @Test
    void aSafeRequestIdFromTheEdgeIsKeptAndAnsweredBack() {
        HttpResponse<String> response = http.get("/health/live", RequestIdFilter.HEADER, "edge:4f2a.9c_01-" + "7".repeat(112));

        assertThat(response.headers().firstValue(RequestIdFilter.HEADER)).hasValue("edge:4f2a.9c_01-" + "7".repeat(112));
        assertThat(requestLines()).singleElement().asString().endsWith(" request_id=edge:4f2a.9c_01-" + "7".repeat(112));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"has space", "quote\"d", "semi;colon", "<script>", "a=b",
        "x0123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789"
            + "0123456789012345678901234567"})
    void anUnsafeRequestIdIsReplacedByAFreshUuid(String offered) {
        HttpResponse<String> response = http.get("/health/live", RequestIdFilter.HEADER, offered);

        String id = response.headers().firstValue(RequestIdFilter.HEADER).orElseThrow();
        assertThat(id).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        assertThat(requestLines()).singleElement().asString().endsWith(" request_id=" + id).doesNotContain(offered);
    }

    @Test
    void twoRequestIdHeadersAreNotTrustedEither() {
        HttpResponse<String> response = http.send(http.request("/health/live")
                .header(RequestIdFilter.HEADER, "first").header(RequestIdFilter.HEADER, "second"));

        assertThat(response.headers().firstValue(RequestIdFilter.HEADER)).hasValueSatisfying(
                id -> assertThat(id).isNotIn("first", "second").hasSize(36));
    }

    @Test
    void everyAnswerCarriesARequestIdErrorsIncluded() {
        List<HttpResponse<String>> answers = List.of(http.get("/nowhere"), http.get("/users/me"),
                http.postJson("/register", "{"), http.send(http.request("/health/live").DELETE()));

        assertThat(answers).allSatisfy(answer -> assertThat(answer.headers().firstValue(RequestIdFilter.HEADER)).isPresent());
        assertThat(answers).extracting(HttpResponse::statusCode).containsExactly(404, 401, 400, 405);
    }

    private List<String> requestLines() {
        return logs.messagesOf(RequestLogFilter.class);
    }

    private static void assertNoSecretIn(List<String> lines) {
        assertThat(lines).isNotEmpty().allSatisfy(line -> assertThat(line)
                .doesNotContain(PASSWORD, ISSUED_ACCESS, ISSUED_REFRESH, FakeUseCases.GOOD_TOKEN, "Basic ", "session="));
    }
}
