package io.scaleguard.adapters.rest.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;

/** Assertions on the shapes of the API's answers. */
public final class Answers {

    private Answers() {
    }

    /** An RFC 9457 problem of this status, in our words: no exception name, library name or stack frame. */
    public static JsonNode assertProblem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = Http.json(response);
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("type").asText()).isNotBlank();
        assertThat(problem.get("title").asText()).isNotBlank();
        assertThat(problem.get("detail").asText()).isNotBlank();
        assertNoInternals(response.body());
        return problem;
    }

    /** An RFC 6749 section 5.2 error with status 400, not cacheable. */
    public static JsonNode assertOAuthError(HttpResponse<String> response, String error) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        assertNotCacheable(response);
        JsonNode body = Http.json(response);
        assertThat(body.get("error").asText()).isEqualTo(error);
        assertThat(body.get("error_description").asText()).isNotBlank();
        assertNoInternals(response.body());
        return body;
    }

    public static void assertNotCacheable(HttpResponse<String> response) {
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(response.headers().firstValue("Pragma")).hasValue("no-cache");
    }

    public static void assertNoInternals(String body) {
        assertThat(body).doesNotContain("Exception", "jackson", "jersey", "jose4j", "grizzly", "at io.", "at org.", "\tat ");
    }
}
