package io.scaleguard.ops.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.scaleguard.ops.fixture.ClusterOptions;
import io.scaleguard.ops.fixture.EdgeClient;
import io.scaleguard.ops.fixture.LateReplica;
import io.scaleguard.ops.fixture.Processes;
import io.scaleguard.ops.fixture.ScaleGuardApi;
import io.scaleguard.ops.fixture.ServiceCluster;
import io.scaleguard.ops.fixture.SteadyLoad;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Losing a replica under load costs clients nothing: killed outright, the edge retries its idempotent requests on
 * the others; stopped with SIGTERM, it drains what it has been given, so even requests the edge may not repeat (a
 * POST) are answered. Each test stops a replica of its own and the others keep serving, so their order is free.
 */
class ReplicaLossSystemTest {

    private static final int READERS = 4;
    /** As many as readers: the edge cannot retry a POST, so each one that meets the drain tests it. */
    private static final int WRITERS = 4;
    /** Enough to be sure the edge has met the lost replica's absence many times over. */
    private static final int REQUESTS_AFTER_THE_LOSS = 300;
    private static final Duration DEADLINE = Duration.ofSeconds(60);
    /** Far more than a drain of a few hundred milliseconds leaves room for. */
    private static final int MAX_REQUESTS_WHILE_DRAINING = 10_000;

    private static ServiceCluster cluster;
    private final EdgeClient client = new EdgeClient();
    private final String requestIds = "loss-" + UUID.randomUUID();

    @BeforeAll
    static void startCluster() {
        // A plan no client here can exhaust: every answer should be a replica's 200.
        cluster = ServiceCluster.start(ClusterOptions.replicas(3)
                .edge("--edge-rate", "10000r/s", "--edge-burst", "10000",
                        "--edge-auth-rate", "10000r/s", "--edge-auth-burst", "10000")
                .env("SCALEGUARD_RATE_CAPACITY", "100000")
                .env("SCALEGUARD_RATE_REFILL_PER_SECOND", "100000"));
    }

    @AfterAll
    static void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void aReplicaKilledUnderGetLoadLosesNoRequest() {
        int victim = 2;
        SteadyLoad reads = readers(victim);

        loseReplica(victim, ProcessHandle::destroyForcibly, reads);

        assertAllAnswered(reads.stop(), "GET");
        assertThat(cluster.accessLog(requestIds)).as("requests the edge retried after the killed replica failed them")
                .anySatisfy(entry -> {
                    assertThat(entry.retried()).isTrue();
                    assertThat(entry.upstreams().get(0)).isEqualTo(cluster.replicaAddress(victim));
                });
    }

    @Test
    void aReplicaStoppedWithSigtermUnderLoadDrainsWithoutAFailedRequest() {
        int victim = 3;
        SteadyLoad reads = readers(victim);
        // RFC 7009 revocation answers 200 for any token: a cheap POST, which the edge never sends twice.
        ScaleGuardApi edge = new ScaleGuardApi(client, cluster.edge(""));
        SteadyLoad writes = SteadyLoad.start(WRITERS, requestIds + "-POST",
                id -> edge.revoke("unknown-" + id, "X-Request-Id", id));

        loseReplica(victim, ProcessHandle::destroy, reads, writes);

        assertAllAnswered(reads.stop(), "GET");
        assertAllAnswered(writes.stop(), "POST");
        assertThat(cluster.replicaLog(victim)).contains("stopping: draining in-flight requests")
                .doesNotContain("did not finish within").contains("stopped");
    }

    /**
     * The drain itself, where no edge can hide it: a client keeps sending POSTs on its open connection to one replica
     * while the replica stops. Each request it sends must be answered as it would have been before the SIGTERM; the
     * only acceptable failure is the connection that is refused once the replica no longer listens.
     */
    @Test
    void aDrainingReplicaStillAnswersWhatArrivesOnItsOpenConnections() {
        try (LateReplica replica = LateReplica.start(cluster)) {
            ScaleGuardApi direct = new ScaleGuardApi(client, replica.uri());
            for (int i = 0; i < 20; i++) {
                assertThat(direct.revoke("warm-up-" + i).statusCode()).isEqualTo(200);
            }
            replica.process().destroy();
            List<HttpResponse<String>> answers = new ArrayList<>();
            UncheckedIOException end = null;
            while (end == null && answers.size() < MAX_REQUESTS_WHILE_DRAINING) {
                try {
                    answers.add(direct.revoke("while-draining-" + answers.size()));
                } catch (UncheckedIOException e) {
                    end = e;
                }
            }
            await("the replica gone").atMost(DEADLINE).until(() -> !Processes.running(replica.process()));

            assertThat(answers).as("answers after the SIGTERM").allSatisfy(answer -> assertThat(answer.statusCode())
                    .as("%s %s", answer.headers().firstValue("Content-Type").orElse("(no type)"), answer.body())
                    .isEqualTo(200));
            assertThat(end).as("how the requests ended").isNotNull()
                    .hasCauseInstanceOf(ConnectException.class);
        }
    }

    private SteadyLoad readers(int victim) {
        ScaleGuardApi edge = new ScaleGuardApi(client, cluster.edge(""));
        String token = edge.signUp("steady-while-" + victim + "-goes").access();
        return SteadyLoad.start(READERS, requestIds + "-GET", id -> edge.me(token, "X-Request-Id", id));
    }

    /**
     * Once the victim has answered some of the load, signals it, waits until it is gone, and lets the others answer
     * plenty more before the caller stops the load.
     */
    private void loseReplica(int victim, Consumer<ProcessHandle> signal, SteadyLoad... loads) {
        ProcessHandle replica = cluster.replicaProcess(victim);
        try {
            await("replica " + victim + " serving the load").atMost(DEADLINE).until(() -> cluster.accessLog(requestIds)
                    .stream().filter(entry -> cluster.replicaAddress(victim).equals(entry.answeredBy())).count() >= 20);
            signal.accept(replica);
            await("replica " + victim + " gone").atMost(DEADLINE).until(() -> !Processes.running(replica));
            long atTheLoss = completed(loads);
            await("requests answered without replica " + victim).atMost(DEADLINE)
                    .until(() -> completed(loads) >= atTheLoss + REQUESTS_AFTER_THE_LOSS);
        } catch (RuntimeException | AssertionError e) {
            List.of(loads).forEach(SteadyLoad::stop);
            throw e;
        }
    }

    private static long completed(SteadyLoad... loads) {
        return List.of(loads).stream().mapToLong(SteadyLoad::completed).sum();
    }

    /** Every request got an HTTP answer, and a good one: a replica's 200, or its 429 when the plan says so. */
    private void assertAllAnswered(SteadyLoad.Outcome outcome, String method) {
        assertThat(outcome.failures()).as("%s requests without an HTTP answer", method).isEmpty();
        assertThat(outcome.statuses().keySet()).as("statuses of the %s requests: %s", method, outcome.statuses())
                .isSubsetOf(200, 429);
        assertThat(outcome.count(200)).isPositive();
        assertThat(cluster.accessLog(requestIds + "-" + method + "-", outcome.answered()))
                .as("the edge's log of the %s requests", method)
                .hasSize((int) outcome.answered())
                .allSatisfy(entry -> assertThat(entry.status()).isIn(200, 429));
    }
}
