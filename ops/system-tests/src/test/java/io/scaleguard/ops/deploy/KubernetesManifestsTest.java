package io.scaleguard.ops.deploy;

import static io.scaleguard.ops.fixture.YamlFiles.at;
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
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * ops/k8s, parsed (no cluster here): every document is a well-formed object, the objects point at each other
 * correctly, and the Deployment follows the service's run contract.
 */
@SuppressWarnings("unchecked") // parsed YAML is maps and lists of Object
class KubernetesManifestsTest {

    private static final Path DIR = RepoPaths.resolve("ops/k8s");

    private static List<Path> manifests;
    private static List<Map<String, Object>> objects;

    @BeforeAll
    static void read() throws IOException {
        try (Stream<Path> files = Files.list(DIR)) {
            manifests = files.filter(path -> path.toString().endsWith(".yaml"))
                    .filter(path -> !path.getFileName().toString().equals("kustomization.yaml")).sorted().toList();
        }
        objects = new ArrayList<>();
        manifests.forEach(file -> objects.addAll(YamlFiles.documents(file)));
    }

    @Test
    void everyDocumentIsAnObjectWithAKindAndAName() {
        assertThat(objects).isNotEmpty().allSatisfy(object -> {
            assertThat(object).containsKeys("apiVersion", "kind");
            assertThat(string(object, "metadata.name")).matches("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
        });
    }

    @Test
    void kustomizationListsEveryManifest() {
        Map<String, Object> kustomization = YamlFiles.single(DIR.resolve("kustomization.yaml"));

        assertThat(list(kustomization, "resources"))
                .containsExactlyInAnyOrderElementsOf(manifests.stream().map(p -> p.getFileName().toString()).toList());
    }

    @Test
    void probesTheServicesHealthPathsOnItsPort() {
        Map<String, Object> container = container();
        Map<?, ?> port = (Map<?, ?>) list(container, "ports").get(0);

        assertThat(string(container, "readinessProbe.httpGet.path")).isEqualTo(ServiceContract.READY);
        assertThat(string(container, "livenessProbe.httpGet.path")).isEqualTo(ServiceContract.LIVE);
        assertThat(string(container, "startupProbe.httpGet.path")).isEqualTo(ServiceContract.LIVE);
        for (String probe : List.of("readinessProbe", "livenessProbe", "startupProbe")) {
            assertThat(string(container, probe + ".httpGet.port")).isEqualTo(port.get("name"));
        }
        assertThat(port.get("containerPort")).isEqualTo(Integer.parseInt(config().get("SCALEGUARD_HTTP_PORT")));
    }

    @Test
    void routesTheIngressThroughTheServiceToTheContainerPort() {
        Map<String, Object> service = object("Service", "scaleguard");
        Map<?, ?> servicePort = (Map<?, ?>) list(service, "spec.ports").get(0);
        Map<?, ?> containerPort = (Map<?, ?>) list(container(), "ports").get(0);

        assertThat(servicePort.get("targetPort")).isEqualTo(containerPort.get("name"));
        assertThat(map(service, "spec.selector")).isEqualTo(podLabels());
        for (Map<String, Object> ingress : objectsOf("Ingress")) {
            for (Object rule : list(ingress, "spec.rules")) {
                for (Object path : list((Map<String, Object>) rule, "http.paths")) {
                    Map<String, Object> backend = map((Map<String, Object>) path, "backend.service");
                    assertThat(backend.get("name")).isEqualTo(string(service, "metadata.name"));
                    assertThat(string(backend, "port.name")).isEqualTo(servicePort.get("name"));
                }
            }
        }
    }

    @Test
    void limitsEachClientIpAtTheIngressTighterOnLoginAndRegistration() {
        Map<String, Object> general = object("Ingress", "scaleguard");
        Map<String, Object> auth = object("Ingress", "scaleguard-auth");

        // The seed's 10 r/s with a burst of 20, as ops/nginx renders by default.
        assertThat(rps(general)).isEqualTo(10);
        assertThat(rps(general) * burstMultiplier(general)).isEqualTo(20);
        assertThat(rps(auth)).isLessThan(rps(general));
        assertThat(paths(auth)).containsExactlyInAnyOrder("/auth/token", "/register");
    }

    @Test
    void exposesNeitherMetricsNorHealthThroughTheIngress() {
        for (Map<String, Object> ingress : objectsOf("Ingress")) {
            for (String path : paths(ingress)) {
                for (String inside : List.of("/metrics", ServiceContract.LIVE, ServiceContract.READY)) {
                    assertThat(inside.equals(path) || inside.startsWith(path.endsWith("/") ? path : path + "/"))
                            .as("ingress path %s reaches %s", path, inside).isFalse();
                }
            }
        }
    }

    @Test
    void namesOnlyVariablesTheServiceKnows() {
        List<String> names = new ArrayList<>(config().keySet());
        list(container(), "env").forEach(variable -> names.add((String) ((Map<?, ?>) variable).get("name")));

        assertThat(ServiceContract.knownVariables()).containsAll(names);
    }

    @Test
    void takesTheDatabaseCredentialsAndTheSigningKeySecretFromSecretsAndShipsNone() {
        Map<String, String> secretOf = new java.util.TreeMap<>();
        for (Object variable : list(container(), "env")) {
            Map<String, Object> env = (Map<String, Object>) variable;
            assertThat(env).as("%s", env.get("name")).doesNotContainKey("value");
            secretOf.put((String) env.get("name"), string(env, "valueFrom.secretKeyRef.name"));
        }
        assertThat(secretOf).containsExactlyInAnyOrderEntriesOf(Map.of("SCALEGUARD_DB_USER", "scaleguard-db",
                "SCALEGUARD_DB_PASSWORD", "scaleguard-db", "SCALEGUARD_SIGNING_KEY_SECRET", "scaleguard-signing"));
        assertThat(objectsOf("Secret")).isEmpty();
        assertThat(config().keySet()).noneMatch(name -> name.matches(".*(PASSWORD|SECRET|TOKEN|USER).*"));
    }

    @Test
    void waitsForThePreStopPauseAndTheDrainBeforeKillingAPod() {
        Map<String, Object> pod = map(object("Deployment", "scaleguard"), "spec.template.spec");
        List<Object> preStop = list(container(), "lifecycle.preStop.exec.command");
        int pause = Integer.parseInt((String) preStop.get(1));
        int grace = Integer.parseInt(config().get("SCALEGUARD_SHUTDOWN_GRACE_SECONDS"));

        assertThat(preStop.get(0)).isEqualTo("sleep");
        assertThat((Integer) pod.get("terminationGracePeriodSeconds")).isGreaterThan(pause + grace);
    }

    @Test
    void scalesFromTheReplicaCountTheLimitsAreSplitByAndKeepsAQuorumThroughDisruptions() {
        Map<String, Object> hpa = object("HorizontalPodAutoscaler", "scaleguard");
        Map<String, Object> pdb = object("PodDisruptionBudget", "scaleguard");
        int minReplicas = (Integer) at(hpa, "spec.minReplicas");

        assertThat(string(hpa, "spec.scaleTargetRef.kind")).isEqualTo("Deployment");
        assertThat(string(hpa, "spec.scaleTargetRef.name")).isEqualTo("scaleguard");
        assertThat(config()).containsEntry("SCALEGUARD_REPLICAS", String.valueOf(minReplicas));
        assertThat((Integer) at(pdb, "spec.minAvailable")).isLessThan(minReplicas);
        assertThat(map(pdb, "spec.selector.matchLabels")).isEqualTo(podLabels());
        // The HPA owns the count; a fixed one in the Deployment would be reset by every apply.
        assertThat(map(object("Deployment", "scaleguard"), "spec")).doesNotContainKey("replicas");
    }

    @Test
    void requestsResourcesAndRunsAsTheImagesNonRootUser() {
        Map<String, Object> pod = map(object("Deployment", "scaleguard"), "spec.template.spec");

        assertThat(map(container(), "resources.requests")).containsKeys("cpu", "memory");
        assertThat(map(container(), "resources.limits")).containsKey("memory");
        assertThat(map(pod, "securityContext")).containsEntry("runAsNonRoot", true).containsEntry("runAsUser", 10001);
        assertThat(map(container(), "securityContext")).containsEntry("allowPrivilegeEscalation", false);
    }

    @Test
    void signsTokensForTheIngressHost() {
        URI issuer = URI.create(config().get("SCALEGUARD_ISSUER"));
        Map<?, ?> rule = (Map<?, ?>) list(object("Ingress", "scaleguard"), "spec.rules").get(0);

        assertThat(issuer.getScheme()).isEqualTo("https");
        assertThat(issuer.getHost()).isEqualTo(rule.get("host"));
    }

    private static int rps(Map<String, Object> ingress) {
        return Integer.parseInt(annotation(ingress, "limit-rps"));
    }

    private static int burstMultiplier(Map<String, Object> ingress) {
        return Integer.parseInt(annotation(ingress, "limit-burst-multiplier"));
    }

    private static String annotation(Map<String, Object> ingress, String name) {
        return (String) map(ingress, "metadata.annotations").get("nginx.ingress.kubernetes.io/" + name);
    }

    private static List<String> paths(Map<String, Object> ingress) {
        List<String> paths = new ArrayList<>();
        for (Object rule : list(ingress, "spec.rules")) {
            list((Map<String, Object>) rule, "http.paths").forEach(path -> paths.add((String) ((Map<?, ?>) path).get("path")));
        }
        return paths;
    }

    private static Map<String, String> config() {
        return (Map<String, String>) (Map<?, ?>) map(object("ConfigMap", "scaleguard-config"), "data");
    }

    private static Map<String, Object> container() {
        return (Map<String, Object>) list(object("Deployment", "scaleguard"), "spec.template.spec.containers").get(0);
    }

    private static Map<String, Object> podLabels() {
        return map(object("Deployment", "scaleguard"), "spec.template.metadata.labels");
    }

    private static List<Map<String, Object>> objectsOf(String kind) {
        return objects.stream().filter(object -> kind.equals(object.get("kind"))).toList();
    }

    private static Map<String, Object> object(String kind, String name) {
        return objectsOf(kind).stream().filter(object -> name.equals(string(object, "metadata.name"))).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " named " + name + " in " + DIR));
    }
}
