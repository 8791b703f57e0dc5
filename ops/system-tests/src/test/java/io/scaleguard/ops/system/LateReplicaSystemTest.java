package io.scaleguard.ops.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.scaleguard.ops.fixture.EdgeClient;
import io.scaleguard.ops.fixture.JsonText;
import io.scaleguard.ops.fixture.LateReplica;
import io.scaleguard.ops.fixture.ScaleGuardApi;
import io.scaleguard.ops.fixture.ScaleGuardApi.Tokens;
import io.scaleguard.ops.fixture.ServiceCluster;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Scaling out: a replica started after the others have been serving keeps nothing of its own. It knows the accounts
 * and the signing keys that exist, and what it issues is honoured by the rest.
 */
@ExtendWith(GenerousEdgeCluster.class)
class LateReplicaSystemTest {

    private final ServiceCluster cluster;
    private final EdgeClient client = new EdgeClient();
    private final ScaleGuardApi edge;

    LateReplicaSystemTest(ServiceCluster cluster) {
        this.cluster = cluster;
        this.edge = new ScaleGuardApi(client, cluster.edge(""));
    }

    @Test
    void aReplicaStartedLaterSharesTheAccountsAndSigningKeysOfTheOthers() {
        Tokens before = edge.signUp("early-bird");
        assertThat(edge.me(before.access()).statusCode()).isEqualTo(200);

        try (LateReplica late = LateReplica.start(cluster)) {
            ScaleGuardApi lateApi = new ScaleGuardApi(client, late.uri());

            assertThat(keyIds(lateApi)).as("the late replica's signing keys").isEqualTo(keyIds(replica(1)))
                    .contains(before.signingKeyId());
            HttpResponse<String> profile = lateApi.me(before.access());
            assertThat(profile.statusCode()).as("a token issued before it started: %s", profile.body()).isEqualTo(200);
            assertThat(JsonText.parseObject(profile.body())).containsEntry("username", "early-bird");

            Tokens issuedLate = ScaleGuardApi.tokens(lateApi.login("early-bird"));
            for (int number = 1; number <= cluster.replicas(); number++) {
                assertThat(replica(number).me(issuedLate.access()).statusCode())
                        .as("the late replica's token on replica %d", number).isEqualTo(200);
            }
        }
    }

    private ScaleGuardApi replica(int number) {
        return new ScaleGuardApi(client, cluster.replica(number, ""));
    }

    @SuppressWarnings("unchecked")
    private static Set<String> keyIds(ScaleGuardApi api) {
        HttpResponse<String> jwks = api.jwks();
        assertThat(jwks.statusCode()).isEqualTo(200);
        List<Map<String, Object>> keys = (List<Map<String, Object>>) JsonText.parseObject(jwks.body()).get("keys");
        return keys.stream().map(key -> String.valueOf(key.get("kid"))).collect(Collectors.toSet());
    }
}
