package io.scaleguard.ops.deploy;

import static io.scaleguard.ops.fixture.YamlFiles.list;
import static io.scaleguard.ops.fixture.YamlFiles.map;
import static io.scaleguard.ops.fixture.YamlFiles.string;
import static org.assertj.core.api.Assertions.assertThat;

import io.scaleguard.ops.fixture.RepoPaths;
import io.scaleguard.ops.fixture.ServiceContract;
import io.scaleguard.ops.fixture.YamlFiles;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * ops/docker/compose.yaml, parsed (no Docker engine here, and no `docker compose` plugin either): the four
 * services, health-gated start order, and agreement with the edge config, the cluster scripts and the service.
 */
class ComposeFileTest {

    private static final List<String> REPLICAS = List.of("api-1", "api-2", "api-3");

    private static Map<String, Object> compose;
    private static String edgeConfig;

    @BeforeAll
    static void read() throws IOException {
        compose = YamlFiles.single(RepoPaths.resolve("ops/docker/compose.yaml"));
        edgeConfig = Files.readString(RepoPaths.resolve("ops/docker/nginx.conf"));
    }

    @Test
    void runsTheSeedsFourServicesWithThreeApiReplicas() {
        assertThat(map(compose, "services")).containsOnlyKeys("nginx", "api-1", "api-2", "api-3", "redis", "postgres");
        for (String replica : REPLICAS) {
            assertThat(string(service(replica), "environment.SCALEGUARD_REPLICAS")).isEqualTo("3");
        }
    }

    @Test
    void sendsTheEdgeToEveryReplicaOnItsServicePort() {
        Matcher servers = Pattern.compile("server (\\S+):(\\d+) max_fails").matcher(edgeConfig);
        List<String> hosts = new ArrayList<>();
        while (servers.find()) {
            hosts.add(servers.group(1));
            assertThat(servers.group(2)).isEqualTo(string(service("api-1"), "environment.SCALEGUARD_HTTP_PORT"));
        }
        assertThat(hosts).isEqualTo(REPLICAS);
    }

    @Test
    void publishesOnlyTheEdgeOnThePortItsConfigListensOn() {
        Matcher listen = Pattern.compile("listen (\\d+);").matcher(edgeConfig);
        assertThat(listen.find()).isTrue();

        assertThat(list(service("nginx"), "ports")).containsExactly("${SCALEGUARD_EDGE_PORT:-8080}:" + listen.group(1));
        assertThat(list(service("nginx"), "volumes")).contains("./nginx.conf:/etc/scaleguard/nginx.conf:ro");
        for (String name : List.of("api-1", "redis", "postgres")) {
            assertThat(service(name)).doesNotContainKey("ports");
        }
    }

    @Test
    void startsEachServiceOnlyOnceWhatItNeedsIsHealthy() {
        for (String replica : REPLICAS) {
            assertThat(map(service(replica), "depends_on")).containsOnlyKeys("redis", "postgres");
            assertHealthyDependencies(replica);
        }
        assertThat(map(service("nginx"), "depends_on")).containsOnlyKeys(REPLICAS.toArray(String[]::new));
        assertHealthyDependencies("nginx");
        for (String name : map(compose, "services").keySet()) {
            assertThat(list(service(name), "healthcheck.test")).as(name + " health check").isNotEmpty();
        }
    }

    @Test
    void checksEachReplicasReadinessOnItsPort() {
        String port = string(service("api-1"), "environment.SCALEGUARD_HTTP_PORT");

        assertThat(list(service("api-1"), "healthcheck.test"))
                .contains("http://127.0.0.1:" + port + ServiceContract.READY);
    }

    @Test
    void givesTheReplicasOnlyVariablesTheServiceKnows() {
        assertThat(ServiceContract.knownVariables()).containsAll(environment("api-1").keySet());
    }

    @Test
    void pointsTheReplicasAtTheRedisAndPostgresServices() {
        Map<String, Object> env = environment("api-1");
        Map<String, Object> postgres = map(service("postgres"), "environment");
        URI database = URI.create(((String) env.get("SCALEGUARD_DB_URL")).substring("jdbc:".length()));

        assertThat(URI.create((String) env.get("SCALEGUARD_REDIS_URL")).getHost()).isEqualTo("redis");
        assertThat(database.getHost()).isEqualTo("postgres");
        assertThat(database.getPath()).isEqualTo("/" + postgres.get("POSTGRES_DB"));
        assertThat(env.get("SCALEGUARD_DB_USER")).isEqualTo(postgres.get("POSTGRES_USER"));
        assertThat(env.get("SCALEGUARD_DB_PASSWORD")).isEqualTo(postgres.get("POSTGRES_PASSWORD"));
    }

    @Test
    void takesEverySecretFromTheEnvironmentWithoutADefault() {
        for (String name : map(compose, "services").keySet()) {
            Object env = service(name).get("environment");
            if (env instanceof Map<?, ?> variables) {
                variables.forEach((key, value) -> {
                    if (((String) key).matches(".*(PASSWORD|SECRET|TOKEN).*")) {
                        assertThat((String) value).as(name + " " + key).matches("\\$\\{[A-Z_]+:\\?[^}]+}");
                    }
                });
            }
        }
    }

    @Test
    void keepsTheRealEnvFileOutOfGit() throws IOException {
        assertThat(Files.readAllLines(RepoPaths.resolve("ops/docker/.gitignore"))).contains(".env");
        assertThat(Files.readAllLines(RepoPaths.resolve("ops/docker/.env.example"))).contains("POSTGRES_PASSWORD=");
    }

    @Test
    void trustsForwardedHeadersFromTheBackendNetworkOnly() {
        Map<?, ?> subnet = (Map<?, ?>) list(compose, "networks.backend.ipam.config").get(0);

        assertThat(environment("api-1")).containsEntry("SCALEGUARD_TRUSTED_PROXIES", subnet.get("subnet"));
    }

    @Test
    void letsAReplicaDrainBeforeDockerKillsIt() {
        int grace = Integer.parseInt((String) environment("api-1").get("SCALEGUARD_SHUTDOWN_GRACE_SECONDS"));
        String stopGrace = string(service("api-1"), "stop_grace_period");

        assertThat(Integer.parseInt(stopGrace.replace("s", ""))).isGreaterThan(grace);
    }

    @Test
    void buildsTheReplicasFromTheRepositoryWithTheDockerfile() {
        assertThat(map(service("api-1"), "build"))
                .containsEntry("context", "../..").containsEntry("dockerfile", "ops/docker/Dockerfile");
    }

    private static void assertHealthyDependencies(String name) {
        map(service(name), "depends_on").forEach((dependency, condition) ->
                assertThat(((Map<?, ?>) condition).get("condition")).as(name + " -> " + dependency)
                        .isEqualTo("service_healthy"));
    }

    private static Map<String, Object> environment(String name) {
        return map(service(name), "environment");
    }

    private static Map<String, Object> service(String name) {
        return map(compose, "services." + name);
    }
}
