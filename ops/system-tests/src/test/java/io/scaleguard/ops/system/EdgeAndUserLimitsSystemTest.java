package io.scaleguard.ops.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.scaleguard.ops.fixture.AccessLogEntry;
import io.scaleguard.ops.fixture.ClusterOptions;
import io.scaleguard.ops.fixture.EdgeClient;
import io.scaleguard.ops.fixture.JsonText;
import io.scaleguard.ops.fixture.ScaleGuardApi;
import io.scaleguard.ops.fixture.ServiceCluster;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layered defence seen by a client: the application's per-user 429 and the edge's per-IP 429 are told apart by
 * their problem types and headers. The user's bucket is smaller than the edge's burst, so one client meets the
 * application's limit first and the edge's after; both rates are so slow that no refill happens during the test.
 */
class EdgeAndUserLimitsSystemTest {

    private static final int USER_CAPACITY = 3;
    private static final int EDGE_BURST = 12;
    /** More than the edge lets through in a minute: the last ones must meet the edge's own limit. */
    private static final int REQUESTS = USER_CAPACITY + EDGE_BURST + 5;
    private static final String EDGE_PROBLEMS = "urn:scaleguard:edge:";

    private static ServiceCluster cluster;
    private final EdgeClient client = new EdgeClient();

    @BeforeAll
    static void startCluster() {
        cluster = ServiceCluster.start(ClusterOptions.replicas(3)
                .edge("--edge-rate", "1r/m", "--edge-burst", String.valueOf(EDGE_BURST),
                        "--edge-auth-rate", "10000r/s", "--edge-auth-burst", "10000")
                .env("SCALEGUARD_RATE_CAPACITY", String.valueOf(USER_CAPACITY))
                .env("SCALEGUARD_RATE_REFILL_PER_SECOND", "0.001"));
    }

    @AfterAll
    static void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void theEdgesPerIpRefusalIsToldApartFromTheApplicationsPerUserRefusal() {
        ScaleGuardApi edge = new ScaleGuardApi(client, cluster.edge(""));
        String token = edge.signUp("eager").access();
        String requestIds = "layers-" + UUID.randomUUID();

        List<HttpResponse<String>> responses = new ArrayList<>();
        for (int i = 1; i <= REQUESTS; i++) {
            responses.add(edge.me(token, "X-Request-Id", requestIds + "-" + i));
        }

        List<String> kinds = responses.stream().map(EdgeAndUserLimitsSystemTest::kind).toList();
        assertThat(String.join(" ", kinds)).as("who answered, in order")
                .matches("(admitted ){" + USER_CAPACITY + "}(user-limit )+(edge-limit ?)+");
        HttpResponse<String> userLimit = responses.get(kinds.indexOf("user-limit"));
        assertThat(userLimit.headers().firstValue("RateLimit-Policy")).hasValueSatisfying(policy ->
                assertThat(policy).contains("q=" + USER_CAPACITY));
        assertThat(userLimit.headers().firstValue("RateLimit")).hasValueSatisfying(limit -> assertThat(limit).contains("r=0"));
        assertThat(userLimit.headers().firstValue("Retry-After")).hasValueSatisfying(seconds ->
                assertThat(Long.parseLong(seconds)).isPositive());
        HttpResponse<String> edgeLimit = responses.get(kinds.indexOf("edge-limit"));
        assertThat(edgeLimit.headers().firstValue("Retry-After")).as("one request's worth of 1r/m").hasValue("60");

        // The edge's refusals never reached a replica; the user's limit was a replica's answer, passed through.
        List<AccessLogEntry> logged = cluster.accessLog(requestIds, REQUESTS);
        assertThat(logged).hasSize(REQUESTS);
        for (AccessLogEntry entry : logged) {
            int index = Integer.parseInt(entry.requestId().substring(requestIds.length() + 1)) - 1;
            if (kinds.get(index).equals("edge-limit")) {
                assertThat(entry.upstreams()).as("request %d", index + 1).isEmpty();
                assertThat(entry.limitReq()).isEqualTo("REJECTED");
            } else {
                assertThat(entry.upstreams()).as("request %d", index + 1).hasSize(1);
                assertThat(entry.limitReq()).isEqualTo("PASSED");
            }
        }
    }

    /**
     * Tells a response's origin by what a client can see. Anything that fits neither kind of 429 exactly (an edge
     * problem with RateLimit headers, or the user's 429 without them) is reported as what it is.
     */
    private static String kind(HttpResponse<String> response) {
        if (response.statusCode() == 200) {
            return "admitted";
        }
        if (response.statusCode() != 429) {
            return "status-" + response.statusCode();
        }
        boolean problem = response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json");
        String type = problem ? String.valueOf(JsonText.parseObject(response.body()).get("type")) : "";
        boolean rateLimitHeaders = response.headers().firstValue("RateLimit").isPresent()
                || response.headers().firstValue("RateLimit-Policy").isPresent();
        boolean retryAfter = response.headers().firstValue("Retry-After").isPresent();
        if (problem && type.startsWith(EDGE_PROBLEMS) && !rateLimitHeaders && retryAfter) {
            return "edge-limit";
        }
        if (problem && !type.startsWith(EDGE_PROBLEMS) && response.headers().firstValue("RateLimit").isPresent()
                && response.headers().firstValue("RateLimit-Policy").isPresent() && retryAfter) {
            return "user-limit";
        }
        return "unclassified-429(type=" + type + ", RateLimit headers=" + rateLimitHeaders + ")";
    }
}
