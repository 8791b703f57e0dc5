package io.scaleguard.ops.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.scaleguard.ops.fixture.AccessLogEntry;
import io.scaleguard.ops.fixture.EdgeClient;
import io.scaleguard.ops.fixture.JsonText;
import io.scaleguard.ops.fixture.ScaleGuardApi;
import io.scaleguard.ops.fixture.ScaleGuardApi.Tokens;
import io.scaleguard.ops.fixture.ServiceCluster;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A user's whole journey through the edge of three real replicas on one Redis and one PostgreSQL: register, log in,
 * call the API, refresh. Whichever replica did a step, every other one honours its result.
 */
@ExtendWith(GenerousEdgeCluster.class)
class AccountJourneySystemTest {

    private final ServiceCluster cluster;
    private final EdgeClient client = new EdgeClient();
    private final ScaleGuardApi edge;
    private final String requestIds = "journey-" + UUID.randomUUID();

    AccountJourneySystemTest(ServiceCluster cluster) {
        this.cluster = cluster;
        this.edge = new ScaleGuardApi(client, cluster.edge(""));
    }

    @Test
    void registersLogsInAndReadsItsProfileThroughTheEdge() {
        HttpResponse<String> registered = edge.register("alice", "X-Request-Id", requestIds + "-register");
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        assertThat(JsonText.parseObject(registered.body())).containsEntry("username", "alice")
                .containsEntry("email", "alice@example.com").doesNotContainKeys("password", "password_hash");

        HttpResponse<String> login = edge.login("alice", "X-Request-Id", requestIds + "-login");
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        assertThat(login.headers().firstValue("Cache-Control"))
                .hasValueSatisfying(value -> assertThat(value).contains("no-store"));
        assertThat(JsonText.parseObject(login.body())).containsEntry("token_type", "Bearer");

        HttpResponse<String> profile = edge.me(ScaleGuardApi.tokens(login).access(), "X-Request-Id", requestIds + "-me");
        assertThat(profile.statusCode()).as(profile.body()).isEqualTo(200);
        assertThat(JsonText.parseObject(profile.body())).containsEntry("username", "alice");
        assertThat(profile.headers().firstValue("RateLimit-Policy")).isPresent();
        assertThat(profile.headers().firstValue("RateLimit")).isPresent();

        // Round robin gave the three steps to different replicas: the account and the key were shared, not local.
        assertThat(cluster.accessLog(requestIds, 3)).extracting(AccessLogEntry::answeredBy).doesNotContainNull()
                .hasSize(3).doesNotHaveDuplicates();
    }

    @Test
    void aRefreshedTokenWorksOnEveryOtherReplicaAndRotationIsClusterWide() {
        Tokens first = edge.signUp("bob");

        Tokens refreshed = ScaleGuardApi.tokens(edge.refresh(first.refresh(), "X-Request-Id", requestIds + "-refresh"));

        assertThat(refreshed.access()).isNotEqualTo(first.access());
        assertThat(refreshed.refresh()).as("the refresh token is rotated").isNotEqualTo(first.refresh());
        int refresher = replicaAt(single(cluster.accessLog(requestIds + "-refresh", 1)).answeredBy());
        List<Integer> others = IntStream.rangeClosed(1, cluster.replicas()).filter(number -> number != refresher)
                .boxed().toList();
        for (int other : others) {
            HttpResponse<String> profile = api(other).me(refreshed.access());
            assertThat(profile.statusCode()).as("replica %d: %s", other, profile.body()).isEqualTo(200);
            assertThat(JsonText.parseObject(profile.body())).containsEntry("username", "bob");
        }
        // The successor refresh token is honoured by a replica that did not issue it ...
        Tokens again = ScaleGuardApi.tokens(api(others.get(0)).refresh(refreshed.refresh()));
        // ... the replaced one is refused by another (SECURITY.md: re-use revokes the whole family) ...
        assertInvalidGrant(api(others.get(1)).refresh(first.refresh()));
        // ... and that revocation reaches the replica that issued the family's newest token.
        assertInvalidGrant(api(refresher).refresh(again.refresh()));
    }

    private ScaleGuardApi api(int replica) {
        return new ScaleGuardApi(client, cluster.replica(replica, ""));
    }

    private int replicaAt(String address) {
        return IntStream.rangeClosed(1, cluster.replicas()).filter(number -> cluster.replicaAddress(number).equals(address))
                .findFirst().orElseThrow(() -> new AssertionError("no replica at " + address));
    }

    private static void assertInvalidGrant(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(JsonText.parseObject(response.body())).containsEntry("error", "invalid_grant");
    }

    private static AccessLogEntry single(List<AccessLogEntry> entries) {
        assertThat(entries).hasSize(1);
        return entries.get(0);
    }
}
