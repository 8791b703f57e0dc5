package io.scaleguard.ops.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.scaleguard.ops.fixture.ClusterOptions;
import io.scaleguard.ops.fixture.ClusterScripts;
import io.scaleguard.ops.fixture.EdgeClient;
import io.scaleguard.ops.fixture.JsonText;
import io.scaleguard.ops.fixture.RunningCluster;
import io.scaleguard.ops.fixture.ScriptResult;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ops/cluster/up.sh, status.sh and down.sh with real processes: a stand-in jar that keeps the service's run
 * contract plays the replicas, so the scripts are tested whatever state the service itself is in.
 */
class ClusterScriptsIT {

    @TempDir
    static Path jarDir;
    private static Path standInJar;

    private final EdgeClient client = new EdgeClient();
    private ClusterOptions options;

    @BeforeAll
    static void packStandIn() {
        standInJar = StandInServiceJar.build(jarDir.resolve("stand-in.jar"));
    }

    @AfterEach
    void stopWhateverIsLeft() {
        if (options != null) {
            ClusterScripts.down(options.runDir(), "--wait", "5");
        }
    }

    @Test
    void startsEveryReplicaAndTheEdgeThenStopsThemAll() {
        options = ClusterOptions.replicas(2).jar(standInJar);
        ScriptResult up = ClusterScripts.up(options).orFail();

        assertThat(up.output()).contains("edge on http://127.0.0.1:" + options.listen());
        ScriptResult status = ClusterScripts.status(options.runDir());
        assertThat(status.exitCode()).as(status.toString()).isZero();
        assertThat(status.output()).contains("replica-1", "replica-2", "edge").doesNotContain("stopped");
        assertThat(client.get(uri(options.listen(), "/health/ready")).statusCode()).isEqualTo(200);

        ScriptResult down = ClusterScripts.down(options.runDir()).orFail();

        assertThat(down.output()).contains("stopped the edge", "stopped 2 replica(s)");
        assertThat(listening(options.listen(), options.replicaPort(1), options.replicaPort(2))).isEmpty();
        assertThat(ClusterScripts.status(options.runDir()).exitCode()).isEqualTo(1);
        assertThat(replicaLog(1)).contains("stand-in: SIGTERM, stopping");
    }

    @Test
    void downIsHarmlessWhenNothingRuns() {
        options = ClusterOptions.replicas(1).jar(standInJar);
        ClusterScripts.up(options).orFail();
        ClusterScripts.down(options.runDir()).orFail();

        ScriptResult again = ClusterScripts.down(options.runDir());

        assertThat(again.exitCode()).as(again.toString()).isZero();
        assertThat(again.output()).contains("stopped 0 replica(s)");
    }

    @Test
    void givesEveryReplicaTheContractVariablesAndPassesTheCallersOwnOn() {
        options = ClusterOptions.replicas(2).jar(standInJar).env("SCALEGUARD_RATE_CAPACITY", "42");
        try (RunningCluster cluster = RunningCluster.start(options)) {
            for (int number = 1; number <= 2; number++) {
                Map<String, Object> env = JsonText.parseObject(client.get(cluster.replica(number, "/env")).body());
                assertThat(env)
                        .containsEntry("SCALEGUARD_HTTP_PORT", String.valueOf(options.replicaPort(number)))
                        .containsEntry("SCALEGUARD_REPLICAS", "2")
                        .containsEntry("SCALEGUARD_REDIS_URL", "redis://127.0.0.1:6379")
                        .containsEntry("SCALEGUARD_DB_URL", "jdbc:postgresql://127.0.0.1:5432/test")
                        .containsEntry("SCALEGUARD_DB_USER", "postgres")
                        // One issuer for all: the edge's address, since tokens must verify on every replica.
                        .containsEntry("SCALEGUARD_ISSUER", "http://localhost:" + options.listen())
                        .containsEntry("SCALEGUARD_RATE_CAPACITY", "42");
            }
        }
    }

    @Test
    void leavesTheStandaloneRedisOutWhenTheCallerNamesARedisCluster() {
        options = ClusterOptions.replicas(1).jar(standInJar)
                .env("SCALEGUARD_REDIS_CLUSTER_NODES", "redis://127.0.0.1:7000,redis://127.0.0.1:7001");
        try (RunningCluster cluster = RunningCluster.start(options)) {
            Map<String, Object> env = JsonText.parseObject(client.get(cluster.replica(1, "/env")).body());
            assertThat(env).doesNotContainKey("SCALEGUARD_REDIS_URL")
                    .containsEntry("SCALEGUARD_REDIS_CLUSTER_NODES", "redis://127.0.0.1:7000,redis://127.0.0.1:7001");
        }
    }

    @Test
    void startsTheEdgeWithTheLimitsItIsGiven() {
        options = ClusterOptions.replicas(1).jar(standInJar).edge("--edge-rate", "1r/m", "--edge-burst", "1");
        try (RunningCluster cluster = RunningCluster.start(options)) {
            List<Integer> statuses = IntStream.range(0, 4)
                    .mapToObj(i -> client.get(cluster.edge("/health/live")).statusCode()).toList();

            assertThat(statuses).contains(429);
        }
    }

    @Test
    void failsLoudlyWithTheLogWhenAReplicaExitsAtStartAndLeavesNothingRunning() {
        options = ClusterOptions.replicas(2).jar(standInJar).env("STANDIN_FAIL_AT_START", "yes");

        ScriptResult up = ClusterScripts.up(options);

        assertThat(up.exitCode()).isEqualTo(1);
        assertThat(up.output()).contains("replica 1 (port " + options.replicaPort(1) + ") exited while starting",
                "stand-in: failing at start as asked");
        assertThat(listening(options.listen(), options.replicaPort(1), options.replicaPort(2))).isEmpty();
        assertThat(pidFiles()).isEmpty();
    }

    @Test
    void failsWhenAReplicaIsNeverReady() {
        options = ClusterOptions.replicas(1).jar(standInJar).timeoutSeconds(3).env("STANDIN_READY_STATUS", "503");

        ScriptResult up = ClusterScripts.up(options);

        assertThat(up.exitCode()).isEqualTo(1);
        assertThat(up.output()).contains("was not ready within 3s", "stand-in: listening on");
        assertThat(listening(options.replicaPort(1))).isEmpty();
    }

    @Test
    void refusesAPortThatIsAlreadyTakenBeforeStartingAnything() throws IOException {
        options = ClusterOptions.replicas(2).jar(standInJar);
        try (ServerSocket squatter = new ServerSocket(options.replicaPort(2), 1, InetAddress.getLoopbackAddress())) {
            ScriptResult up = ClusterScripts.up(options);

            assertThat(up.exitCode()).isEqualTo(1);
            assertThat(up.output()).contains("port " + options.replicaPort(2) + " is already in use");
            assertThat(pidFiles()).isEmpty();
        }
    }

    @Test
    void refusesASecondClusterFromTheSameRunDir() {
        options = ClusterOptions.replicas(1).jar(standInJar);
        ClusterScripts.up(options).orFail();

        ScriptResult second = ClusterScripts.up(options);

        assertThat(second.exitCode()).isEqualTo(1);
        assertThat(second.output()).contains("already runs from " + options.runDir());
    }

    @Test
    void killsAReplicaThatDoesNotStopWithinTheWait() {
        options = ClusterOptions.replicas(1).jar(standInJar).env("STANDIN_IGNORE_SIGTERM", "yes");
        ClusterScripts.up(options).orFail();

        ScriptResult down = ClusterScripts.down(options.runDir(), "--wait", "2");

        assertThat(down.exitCode()).as(down.toString()).isZero();
        assertThat(down.output()).contains("still running after 2s, killing");
        assertThat(listening(options.replicaPort(1))).isEmpty();
    }

    @Test
    void explainsHowToBuildWhenTheJarIsMissing() {
        options = ClusterOptions.replicas(1).jar(jarDir.resolve("missing.jar"));

        ScriptResult up = ClusterScripts.up(options);

        assertThat(up.exitCode()).isEqualTo(1);
        assertThat(up.output()).contains("mvn -q -DskipTests package");
    }

    private List<Path> pidFiles() {
        try (Stream<Path> files = Files.list(options.runDir())) {
            return files.filter(path -> path.toString().endsWith(".pid")).toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private String replicaLog(int number) {
        try {
            return Files.readString(options.runDir().resolve("replica-" + number + ".log"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Integer> listening(int... ports) {
        return IntStream.of(ports).filter(ClusterScriptsIT::accepts).boxed().toList();
    }

    private static boolean accepts(int port) {
        try (Socket ignored = new Socket(InetAddress.getLoopbackAddress(), port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static java.net.URI uri(int port, String path) {
        return java.net.URI.create("http://127.0.0.1:" + port + path);
    }
}
