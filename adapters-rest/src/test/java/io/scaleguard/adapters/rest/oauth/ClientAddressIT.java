package io.scaleguard.adapters.rest.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import io.scaleguard.adapters.rest.RestApplication;
import io.scaleguard.adapters.rest.testing.Http;
import io.scaleguard.adapters.rest.testing.ServedApplication;
import io.scaleguard.adapters.rest.testing.TestServer;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The client address handed to the token use case, seen from a real TCP peer (this test, on 127.0.0.1). */
class ClientAddressIT extends ServedApplication {

    private static final String LOGIN = "grant_type=password&username=alice&password=correct+horse+battery";

    private String clientIpOf(Http client, String... headers) {
        fakes.tokenRequests.clear();
        assertThat(client.postForm("/auth/token", LOGIN, headers).statusCode()).isEqualTo(200);
        return fakes.tokenRequests.get(0).clientIp();
    }

    @Test
    void withoutForwardingHeadersTheClientIsTheTcpPeer() {
        assertThat(clientIpOf(http)).isEqualTo("127.0.0.1");
    }

    @Test
    void aTrustedPeersForwardedForIsBelievedUpToTheRightMostUntrustedHop() {
        assertThat(clientIpOf(http, "X-Forwarded-For", "203.0.113.9")).isEqualTo("203.0.113.9");
        assertThat(clientIpOf(http, "X-Forwarded-For", "198.51.100.1, 203.0.113.9, 127.0.0.1")).isEqualTo("203.0.113.9");
        assertThat(clientIpOf(http, "X-Forwarded-For", "2001:db8::7")).isEqualTo("2001:db8:0:0:0:0:0:7");
    }

    @Test
    void aTrustedPeersRealIpIsBelievedWithoutForwardedFor() {
        assertThat(clientIpOf(http, "X-Real-IP", "203.0.113.10")).isEqualTo("203.0.113.10");
    }

    @Test
    void aForgedHopThatIsNoAddressLeavesTheTrustedPeer() {
        assertThat(clientIpOf(http, "X-Forwarded-For", "evil.example")).isEqualTo("127.0.0.1");
    }

    @Test
    void anUntrustedPeersHeadersAreIgnored() {
        try (TestServer untrusting = TestServer.start(RestApplication.create(fakes.components(List.of("10.0.0.0/8", "fd00::/8"))))) {
            Http client = new Http(untrusting);

            assertThat(clientIpOf(client, "X-Forwarded-For", "203.0.113.9")).isEqualTo("127.0.0.1");
            assertThat(clientIpOf(client, "X-Real-IP", "203.0.113.9")).isEqualTo("127.0.0.1");
        }
    }
}
