package io.scaleguard.ops.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.scaleguard.ops.fixture.EdgeClient;
import io.scaleguard.ops.fixture.EdgeOptions;
import io.scaleguard.ops.fixture.EdgeProcess;
import io.scaleguard.ops.fixture.JsonText;
import io.scaleguard.ops.fixture.StandInReplica;
import io.scaleguard.ops.fixture.StandInReplicas;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the edge tells the replicas about the client, what it believes, and what it logs. */
class EdgeForwardingIT {

    private static final String SPOOFED = "203.0.113.7";

    private final EdgeClient client = new EdgeClient();

    @Test
    void keepsTheReplicasMetricsOffTheEdge() {
        try (var replicas = StandInReplicas.start(1); var edge = EdgeProcess.start(options(replicas))) {
            for (String path : new String[] {"/metrics", "/metrics/", "/metrics;x=1", "/metrics?format=openmetrics", "//metrics",
                    "/./metrics", "/metrics%2F"}) {
                HttpResponse<String> metrics = client.get(edge.uri(path));
                assertThat(metrics.statusCode()).as(path).isEqualTo(404);
                assertThat(JsonText.parseObject(metrics.body())).as(path).containsEntry("type", "urn:scaleguard:edge:not-here");
            }
            assertThat(replicas.totalReceived()).isZero();
            assertThat(client.get(edge.uri("/metricsx")).statusCode()).as("only the metrics path itself").isEqualTo(200);
        }
    }

    @Test
    void doesNotBelieveForwardedForFromAnUntrustedPeer() {
        try (var replicas = StandInReplicas.start(1);
             var edge = EdgeProcess.start(options(replicas).trusting("192.0.2.0/24"))) {
            client.get(edge.uri("/users/me"), "X-Forwarded-For", SPOOFED);

            StandInReplica.Received received = replicas.replica(1).received().get(0);
            assertThat(received.header("X-Real-IP")).isEqualTo("127.0.0.1");
            // Replaced, not appended to: the replicas trust the edge, so a passed-on entry would be believed.
            assertThat(received.header("X-Forwarded-For")).isEqualTo("127.0.0.1");
            assertThat(received.header("X-Forwarded-Proto")).isEqualTo("http");
        }
    }

    @Test
    void believesForwardedForFromATrustedProxy() {
        try (var replicas = StandInReplicas.start(1);
             var edge = EdgeProcess.start(options(replicas).trusting("127.0.0.1/32"))) {
            client.get(edge.uri("/users/me"), "X-Forwarded-For", SPOOFED);

            StandInReplica.Received received = replicas.replica(1).received().get(0);
            assertThat(received.header("X-Real-IP")).isEqualTo(SPOOFED);
            assertThat(received.header("X-Forwarded-For")).isEqualTo(SPOOFED);
        }
    }

    @Test
    void takesTheRightMostUntrustedAddressSoAClientCannotPickItsOwn() {
        try (var replicas = StandInReplicas.start(1);
             var edge = EdgeProcess.start(options(replicas).trusting("127.0.0.1/32"))) {
            client.get(edge.uri("/users/me"), "X-Forwarded-For", "198.51.100.1, " + SPOOFED);

            assertThat(replicas.replica(1).received().get(0).header("X-Real-IP")).isEqualTo(SPOOFED);
        }
    }

    @Test
    void limitsEachClientBehindATrustedProxySeparately() {
        try (var replicas = StandInReplicas.start(1);
             var edge = EdgeProcess.start(options(replicas).trusting("127.0.0.1/32").perIp("1r/m", "0"))) {
            assertThat(client.get(edge.uri("/users/me"), "X-Forwarded-For", SPOOFED).statusCode()).isEqualTo(200);
            assertThat(client.get(edge.uri("/users/me"), "X-Forwarded-For", SPOOFED).statusCode()).isEqualTo(429);
            assertThat(client.get(edge.uri("/users/me"), "X-Forwarded-For", "203.0.113.8").statusCode())
                    .isEqualTo(200);
        }
    }

    @Test
    void passesTheClientsRequestIdOnAndLogsItWithTheUpstream() {
        try (var replicas = StandInReplicas.start(1); var edge = EdgeProcess.start(options(replicas))) {
            client.get(edge.uri("/users/me"), "X-Request-Id", "trace-42");

            assertThat(replicas.replica(1).received().get(0).header("X-Request-Id")).isEqualTo("trace-42");
            Map<String, Object> entry = logEntry(edge, "trace-42");
            assertThat(entry)
                    .containsEntry("upstream_addr", "127.0.0.1:" + replicas.firstPort())
                    .containsEntry("upstream_status", "200")
                    .containsEntry("limit_req", "PASSED")
                    .containsEntry("status", "200")
                    .containsEntry("client", "127.0.0.1");
        }
    }

    @Test
    void logsARefusedRequestAsRejectedByTheLimit() {
        try (var replicas = StandInReplicas.start(1);
             var edge = EdgeProcess.start(options(replicas).perIp("1r/m", "0"))) {
            client.get(edge.uri("/users/me"), "X-Request-Id", "first");
            HttpResponse<String> refused = client.get(edge.uri("/users/me"), "X-Request-Id", "second");

            assertThat(refused.headers().firstValue("X-Request-Id")).hasValue("second");
            assertThat(logEntry(edge, "second")).containsEntry("limit_req", "REJECTED").containsEntry("status", "429");
        }
    }

    @Test
    void givesARequestWithoutAnIdOneOfItsOwn() {
        try (var replicas = StandInReplicas.start(1); var edge = EdgeProcess.start(options(replicas))) {
            client.get(edge.uri("/users/me"));

            assertThat(replicas.replica(1).received().get(0).header("X-Request-Id")).matches("[0-9a-f]{32}");
        }
    }

    @Test
    void replacesARequestIdThatIsNotASafeToken() {
        try (var replicas = StandInReplicas.start(1); var edge = EdgeProcess.start(options(replicas))) {
            client.get(edge.uri("/users/me"), "X-Request-Id", "x\"}, {\"forged\": \"log line");
            client.get(edge.uri("/users/me"), "X-Request-Id", "a".repeat(129));

            assertThat(replicas.replica(1).received())
                    .allSatisfy(request -> assertThat(request.header("X-Request-Id")).matches("[0-9a-f]{32}"));
        }
    }

    @Test
    void refusesAnOversizedBodyWithAProblemBeforeAnyReplicaSeesIt() {
        try (var replicas = StandInReplicas.start(1);
             var edge = EdgeProcess.start(options(replicas).maxBody("1k"))) {
            HttpResponse<String> response = client.post(edge.uri("/users/me"), "application/json",
                    "{\"padding\":\"" + "x".repeat(4096) + "\"}");

            assertThat(response.statusCode()).isEqualTo(413);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(JsonText.parseObject(response.body())).containsEntry("type", "urn:scaleguard:edge:body-too-large");
            assertThat(replicas.totalReceived()).isZero();
        }
    }

    private static Map<String, Object> logEntry(EdgeProcess edge, String requestId) {
        // nginx writes the line when the response is done, which may be just after the client has it.
        return await("access log entry " + requestId).atMost(Duration.ofSeconds(30))
                .until(() -> edge.accessLog().stream().filter(entry -> requestId.equals(entry.get("request_id")))
                        .findFirst(), java.util.Optional::isPresent)
                .orElseThrow();
    }

    private static EdgeOptions options(StandInReplicas replicas) {
        return EdgeOptions.replicas(replicas.count(), replicas.firstPort()).generousLimits();
    }
}
