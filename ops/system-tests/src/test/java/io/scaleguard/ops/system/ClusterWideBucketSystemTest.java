package io.scaleguard.ops.system;

import static io.scaleguard.ops.system.GenerousEdgeCluster.CAPACITY;
import static io.scaleguard.ops.system.GenerousEdgeCluster.REFILL_PER_SECOND;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.scaleguard.ops.fixture.AccessLogEntry;
import io.scaleguard.ops.fixture.EdgeClient;
import io.scaleguard.ops.fixture.ScaleGuardApi;
import io.scaleguard.ops.fixture.ServiceCluster;
import io.scaleguard.ops.fixture.SteadyLoad;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * RATE-LIMITING.md's accuracy: over an interval t from a full bucket, one user may get at most C + r·t requests
 * through, however many replicas and client threads share the work, and should not get much fewer: at least
 * C + r·(t - 1 s), one second of refill being the slack for the answers still on their way at either end.
 */
@ExtendWith(GenerousEdgeCluster.class)
class ClusterWideBucketSystemTest {

    private static final int CLIENT_THREADS = 6;
    private static final Duration HAMMERING = Duration.ofSeconds(5);
    private static final int WARM_UP_REQUESTS = 300;

    private final ServiceCluster cluster;
    private final EdgeClient client = new EdgeClient();
    private final ScaleGuardApi edge;

    ClusterWideBucketSystemTest(ServiceCluster cluster) {
        this.cluster = cluster;
        this.edge = new ScaleGuardApi(client, cluster.edge(""));
    }

    @Test
    void oneUserHammeringEveryReplicaGetsExactlyTheBucketsWorth() {
        warmUpEveryReplica();
        String token = edge.signUp("hammer").access();
        String requestIds = "bucket-" + UUID.randomUUID();

        SteadyLoad.Outcome outcome = SteadyLoad.run(CLIENT_THREADS, HAMMERING, requestIds,
                id -> edge.me(token, "X-Request-Id", id));

        assertThat(outcome.failures()).isEmpty();
        assertThat(outcome.statuses()).containsOnlyKeys(200, 429);
        double seconds = outcome.span().toNanos() / 1e9;
        long admitted = outcome.count(200);
        assertThat(admitted).as("admitted over %.2f s, of %d requests", seconds, outcome.answered())
                .isLessThanOrEqualTo((long) Math.floor(CAPACITY + REFILL_PER_SECOND * seconds))
                .isGreaterThanOrEqualTo((long) Math.ceil(CAPACITY + REFILL_PER_SECOND * (seconds - 1)));

        List<AccessLogEntry> logged = cluster.accessLog(requestIds, outcome.answered());
        assertThat(logged).as("the edge logged every request").hasSize((int) outcome.answered());
        assertThat(logged).extracting(AccessLogEntry::answeredBy).as("replicas that answered")
                .containsOnly(cluster.replicaAddresses().toArray(String[]::new))
                .contains(cluster.replicaAddresses().toArray(String[]::new));
        List<String> admittedBy = logged.stream().filter(entry -> entry.status() == 200)
                .map(AccessLogEntry::answeredBy).toList();
        assertThat(admittedBy).hasSize((int) admitted);
        assertThat(admittedBy.stream().distinct().count()).as("replicas that admitted requests").isGreaterThan(1);
    }

    /**
     * A cold JVM answers its first requests slowly; at the start of the measured interval that would look like
     * under-admission. Another user's requests, which leave the measured user's bucket alone, warm every replica.
     */
    private void warmUpEveryReplica() {
        String token = edge.signUp("warm-up").access();
        SteadyLoad warmUp = SteadyLoad.start(CLIENT_THREADS, "warm-up-" + UUID.randomUUID(),
                id -> edge.me(token, "X-Request-Id", id));
        try {
            await("warm-up requests").atMost(Duration.ofSeconds(60)).until(() -> warmUp.completed() >= WARM_UP_REQUESTS);
        } finally {
            assertThat(warmUp.stop().failures()).isEmpty();
        }
    }
}
