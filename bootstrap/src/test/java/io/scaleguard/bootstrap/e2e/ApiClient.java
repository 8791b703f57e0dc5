package io.scaleguard.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A client of one running replica, speaking the API as a user does: register, log in, call protected endpoints. Every
 * call has a deadline, so a hanging server fails the test instead of stalling it.
 */
final class ApiClient {

    static final String PASSWORD = "correct horse battery";
    static final ObjectMapper JSON = new ObjectMapper();
    static final Duration DEADLINE = Duration.ofSeconds(10);

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final ScaleGuardProcess server;

    ApiClient(ScaleGuardProcess server) {
        this.server = server;
    }

    void register(String username) {
        String json = "{\"username\":\"" + username + "\",\"email\":\"" + username + "@example.com\",\"password\":\"" + PASSWORD + "\"}";
        HttpResponse<String> response = postJson("/register", json);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    }

    /** Logs in with the password grant and returns the token response. */
    JsonNode tokens(String username) {
        HttpResponse<String> response = login(username, PASSWORD);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response);
    }

    String accessToken(String username) {
        return tokens(username).get("access_token").asText();
    }

    HttpResponse<String> login(String username, String password) {
        return postForm("/auth/token", "grant_type=password&username=" + encode(username) + "&password=" + encode(password));
    }

    HttpResponse<String> get(String path, String accessToken) {
        return send(HttpRequest.newBuilder(server.uri(path)).header("Authorization", "Bearer " + accessToken));
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(server.uri(path)));
    }

    HttpResponse<String> postForm(String path, String form) {
        return send(HttpRequest.newBuilder(server.uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    HttpResponse<String> postJson(String path, String json) {
        return send(HttpRequest.newBuilder(server.uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + response.body(), e);
        }
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(DEADLINE).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    URI uri(String path) {
        return server.uri(path);
    }
}
