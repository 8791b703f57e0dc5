package io.scaleguard.ops.edge;

import static org.assertj.core.api.Assertions.assertThat;

import io.scaleguard.ops.fixture.EdgeClient;
import io.scaleguard.ops.fixture.EdgeOptions;
import io.scaleguard.ops.fixture.EdgeProcess;
import io.scaleguard.ops.fixture.JsonText;
import io.scaleguard.ops.fixture.StandInReplica.Reply;
import io.scaleguard.ops.fixture.StandInReplicas;
import java.net.URI;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * The edge's per-client-IP limits. Rates are per minute here so that the refill during a test (a fraction of a
 * request per second) cannot change which request is refused, however slow the machine.
 */
class EdgeRateLimitIT {

    private static final String FORM = "application/x-www-form-urlencoded";

    private final EdgeClient client = new EdgeClient();

    @Test
    void refusesAClientOverItsRateWithTheEdgesOwnProblem() {
        try (var replicas = StandInReplicas.start(2);
             var edge = EdgeProcess.start(options(replicas).perIp("1r/m", "2"))) {
            for (int i = 0; i < 3; i++) {
                assertThat(client.get(edge.uri("/users/me")).statusCode()).as("request %d", i + 1).isEqualTo(200);
            }
            HttpResponse<String> refused = client.get(edge.uri("/users/me"));

            assertThat(refused.statusCode()).isEqualTo(429);
            assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(refused.headers().firstValue("Retry-After")).hasValue("60");
            assertThat(JsonText.parseObject(refused.body()))
                    .containsEntry("type", "urn:scaleguard:edge:rate-limited")
                    .containsEntry("status", 429)
                    .containsEntry("retry_after", 60);
            assertThat(replicas.totalReceived()).as("requests that reached a replica").isEqualTo(3);
        }
    }

    @Test
    void passesTheApplicationsOwn429ThroughUnchanged() {
        String perUserProblem = "{\"type\":\"urn:test:per-user-limit\",\"title\":\"Too many requests\",\"status\":429}";
        try (var replicas = StandInReplicas.start(1); var edge = EdgeProcess.start(options(replicas))) {
            replicas.replica(1).respond(request -> new Reply(429, "application/problem+json", perUserProblem,
                    java.util.Map.of("Retry-After", "7", "RateLimit", "\"default\";r=0;t=7")));

            HttpResponse<String> response = client.get(edge.uri("/users/me"));

            assertThat(response.statusCode()).isEqualTo(429);
            assertThat(response.body()).isEqualTo(perUserProblem);
            assertThat(response.headers().firstValue("Retry-After")).hasValue("7");
            assertThat(response.headers().firstValue("RateLimit")).hasValue("\"default\";r=0;t=7");
        }
    }

    @Test
    void limitsTokenRequestsInATighterZoneOfTheirOwn() {
        try (var replicas = StandInReplicas.start(1);
             var edge = EdgeProcess.start(options(replicas).auth("1r/m", "1"))) {
            URI token = edge.uri("/auth/token");
            assertThat(client.post(token, FORM, "grant_type=password").statusCode()).isEqualTo(200);
            assertThat(client.post(token, FORM, "grant_type=password").statusCode()).isEqualTo(200);

            HttpResponse<String> refused = client.post(token, FORM, "grant_type=password");

            assertThat(refused.statusCode()).isEqualTo(429);
            assertThat(refused.headers().firstValue("Retry-After")).hasValue("60");
            assertThat(JsonText.parseObject(refused.body()))
                    .containsEntry("type", "urn:scaleguard:edge:rate-limited")
                    .hasEntrySatisfying("detail", detail -> assertThat((String) detail).contains("/auth/token"));
            // The general zone is untouched by the logins.
            assertThat(client.get(edge.uri("/users/me")).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void limitsRegistrationsInTheTighterZoneToo() {
        try (var replicas = StandInReplicas.start(1);
             var edge = EdgeProcess.start(options(replicas).auth("1r/m", "0"))) {
            assertThat(client.post(edge.uri("/register"), "application/json", "{}").statusCode()).isEqualTo(200);
            assertThat(client.post(edge.uri("/register"), "application/json", "{}").statusCode()).isEqualTo(429);
            assertThat(replicas.replica(1).received("POST")).isEqualTo(1);
        }
    }

    private static EdgeOptions options(StandInReplicas replicas) {
        return EdgeOptions.replicas(replicas.count(), replicas.firstPort()).generousLimits();
    }
}
