package io.scaleguard.ops.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.scaleguard.ops.fixture.EdgeClient;
import io.scaleguard.ops.fixture.EdgeOptions;
import io.scaleguard.ops.fixture.EdgeProcess;
import io.scaleguard.ops.fixture.JsonText;
import io.scaleguard.ops.fixture.StandInReplica;
import io.scaleguard.ops.fixture.StandInReplica.Reply;
import io.scaleguard.ops.fixture.StandInReplicas;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Round robin, keep-alive, passive failure detection and retries, against a real nginx and real upstreams. */
class EdgeLoadBalancingIT {

    private final EdgeClient client = new EdgeClient();

    @Test
    void spreadsRequestsOverEveryReplica() {
        try (var replicas = StandInReplicas.start(3); var edge = start(replicas)) {
            for (int i = 0; i < 30; i++) {
                assertThat(client.get(edge.uri("/users/me")).statusCode()).isEqualTo(200);
            }
            // Round robin per worker: each of the three gets about a third, never none.
            for (StandInReplica replica : replicas.live()) {
                assertThat(replica.received()).as(replica.name()).hasSizeGreaterThanOrEqualTo(5);
            }
        }
    }

    @Test
    void reusesItsConnectionsToTheReplicas() {
        try (var replicas = StandInReplicas.start(2); var edge = start(replicas)) {
            for (int i = 0; i < 30; i++) {
                client.get(edge.uri("/users/me"));
            }
            List<StandInReplica.Received> received = new ArrayList<>();
            replicas.live().forEach(replica -> received.addAll(replica.received()));
            long connections = received.stream().map(StandInReplica.Received::peerPort).distinct().count();
            assertThat(connections).as("connections for 30 requests").isLessThanOrEqualTo(10);
            // HTTP/1.1 without "Connection: close" is what keeps them open.
            assertThat(received).allSatisfy(request -> assertThat(request.header("Connection")).isNull());
        }
    }

    @Test
    void retriesAGetOnAnotherReplicaWhenOneRefusesConnections() {
        try (var replicas = StandInReplicas.start(3, 2); var edge = start(replicas)) {
            for (int i = 0; i < 12; i++) {
                assertThat(client.get(edge.uri("/users/me")).statusCode()).isEqualTo(200);
            }
            assertThat(replicas.totalReceived()).isEqualTo(12);
            String deadReplica = "127.0.0.1:" + (replicas.firstPort() + 1);
            // nginx writes a request's log line just after its answer: wait for the lines rather than read at once
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(edge.accessLog()).anySatisfy(entry ->
                    assertThat((String) entry.get("upstream_addr")).startsWith(deadReplica + ", 127.0.0.1:")));
        }
    }

    @Test
    void retriesAGetOnAnotherReplicaWhenOneAnswers503() {
        try (var replicas = StandInReplicas.start(2); var edge = start(replicas)) {
            replicas.replica(1).respond(request -> Reply.json(503, "{\"title\":\"not ready\"}"));
            for (int i = 0; i < 6; i++) {
                HttpResponse<String> response = client.get(edge.uri("/users/me"));
                assertThat(response.statusCode()).isEqualTo(200);
                assertThat(response.body()).contains("replica-2");
            }
            assertThat(replicas.replica(1).received("GET")).isPositive();
        }
    }

    @Test
    void neverSendsAPostThatReachedOneReplicaToAnother() {
        try (var replicas = StandInReplicas.start(2); var edge = start(replicas)) {
            replicas.replica(1).respond(request -> Reply.json(503, "{\"title\":\"overloaded\"}"));
            List<Integer> statuses = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                statuses.add(client.post(edge.uri("/auth/revoke"), "application/x-www-form-urlencoded", "token=t" + i)
                        .statusCode());
            }
            assertThat(replicas.replica(1).received("POST")).isPositive();
            assertThat(statuses).contains(503);
            // Each POST ran exactly once: none was repeated on the second replica after the first one's 503.
            assertThat(replicas.replica(1).received("POST") + replicas.replica(2).received("POST")).isEqualTo(6);
        }
    }

    @Test
    void sendsAPostElsewhereOnlyWhenTheFirstReplicaRefusedTheConnection() {
        // A refused connection means no replica saw the request, so trying the next one cannot run it twice.
        try (var replicas = StandInReplicas.start(2, 1); var edge = start(replicas)) {
            for (int i = 0; i < 4; i++) {
                assertThat(client.post(edge.uri("/auth/revoke"), "application/x-www-form-urlencoded", "token=t")
                        .statusCode()).isEqualTo(200);
            }
            assertThat(replicas.replica(2).received("POST")).isEqualTo(4);
        }
    }

    @Test
    void answersWithAProblemWhenNoReplicaIsReachable() {
        try (var replicas = StandInReplicas.start(2, 1, 2); var edge = start(replicas)) {
            HttpResponse<String> response = client.get(edge.uri("/users/me"));
            assertThat(response.statusCode()).isEqualTo(502);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(JsonText.parseObject(response.body())).containsEntry("type", "urn:scaleguard:edge:no-replica")
                    .containsEntry("status", 502);
        }
    }

    private static EdgeProcess start(StandInReplicas replicas) {
        return EdgeProcess.start(EdgeOptions.replicas(replicas.count(), replicas.firstPort()).generousLimits());
    }
}
