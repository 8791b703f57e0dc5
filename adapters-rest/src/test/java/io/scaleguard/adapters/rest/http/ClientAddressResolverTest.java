package io.scaleguard.adapters.rest.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ClientAddressResolverTest {

    private final ClientAddressResolver resolver = new ClientAddressResolver(List.of("10.0.0.0/8", "192.168.1.7", "fd00::/8", "::1/128"));

    @Test
    void anUntrustedPeerIsTheClientWhateverTheHeadersSay() {
        assertThat(resolver.clientAddress("203.0.113.9", List.of("198.51.100.1"), "198.51.100.2")).isEqualTo("203.0.113.9");
    }

    @Test
    void behindATrustedProxyTheRightMostUntrustedHopIsTheClient() {
        assertThat(resolver.clientAddress("10.1.2.3", List.of("1.1.1.1, 198.51.100.1, 10.9.9.9"), null)).isEqualTo("198.51.100.1");
    }

    @Test
    void severalForwardedForHeadersAreOneListInOrder() {
        assertThat(resolver.clientAddress("10.1.2.3", List.of("198.51.100.1", "10.4.4.4"), null)).isEqualTo("198.51.100.1");
    }

    @Test
    void whenEveryHopIsTrustedTheFarthestIsTheClient() {
        assertThat(resolver.clientAddress("10.1.2.3", List.of("10.8.8.8, 192.168.1.7"), null)).isEqualTo("10.8.8.8");
    }

    @Test
    void xRealIpIsBelievedFromATrustedPeerWhenThereIsNoForwardedFor() {
        assertThat(resolver.clientAddress("10.1.2.3", List.of(), "198.51.100.7")).isEqualTo("198.51.100.7");
        assertThat(resolver.clientAddress("10.1.2.3", null, "not an address")).isEqualTo("10.1.2.3");
    }

    @Test
    void ipv6PeersAndHopsAreMatchedByTheirBlocks() {
        assertThat(resolver.clientAddress("0:0:0:0:0:0:0:1", List.of("2001:db8::1"), null)).isEqualTo("2001:db8:0:0:0:0:0:1");
        assertThat(resolver.clientAddress("fd12::5", List.of("2001:db8::2, fd00::9"), null)).isEqualTo("2001:db8:0:0:0:0:0:2");
        assertThat(resolver.clientAddress("2001:db8::3", List.of("198.51.100.1"), null)).isEqualTo("2001:db8:0:0:0:0:0:3");
        assertThat(resolver.clientAddress("[::1]", List.of("[2001:db8::4]"), null)).isEqualTo("2001:db8:0:0:0:0:0:4");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"evil.example", "localhost", "198.51.100.1:443", "1.2.3", "999.1.1.1", "::gg", "1:2:3", "' OR 1=1 --", ""})
    void aHopThatIsNotAnAddressEndsTheWalkAtTheProxyThatReportedIt(String hop) {
        assertThat(resolver.clientAddress("10.1.2.3", List.of("198.51.100.1, " + hop), null)).isEqualTo("10.1.2.3");
        assertThat(resolver.clientAddress("10.1.2.3", List.of(hop + ", 10.5.5.5"), null)).isEqualTo("10.5.5.5");
    }

    @Test
    void prefixBitsAreMatchedExactly() {
        ClientAddressResolver narrow = new ClientAddressResolver(List.of("192.168.0.0/23"));

        assertThat(narrow.clientAddress("192.168.1.200", List.of("198.51.100.1"), null)).isEqualTo("198.51.100.1");
        assertThat(narrow.clientAddress("192.168.2.1", List.of("198.51.100.1"), null)).isEqualTo("192.168.2.1");
    }

    @Test
    void noTrustedProxiesMeansThePeerAlways() {
        assertThat(new ClientAddressResolver(List.of()).clientAddress("127.0.0.1", List.of("198.51.100.1"), "198.51.100.2"))
                .isEqualTo("127.0.0.1");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"10.0.0.0/33", "10.0.0.0/-1", "10.0.0.0/x", "proxy.internal/24", "::/129", "", "999.0.0.0/8", "::1/129",
        "host.example/8"})
    void refusesMalformedBlocks(String block) {
        assertThatThrownBy(() -> new ClientAddressResolver(List.of(block))).isInstanceOf(IllegalArgumentException.class);
    }
}
