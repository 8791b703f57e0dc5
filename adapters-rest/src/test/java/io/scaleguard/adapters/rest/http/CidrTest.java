package io.scaleguard.adapters.rest.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The one CIDR parser, which the resolver and bootstrap's check of SCALEGUARD_TRUSTED_PROXIES share. */
class CidrTest {

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"10.0.0.0/8", "0.0.0.0/0", "192.168.1.7", "192.168.1.7/32", " 10.0.0.0/8 ", "fd00::/8", "::1/128",
        "::/0", "[2001:db8::]/32", "2001:db8::1"})
    void readsIpv4AndIpv6Blocks(String block) {
        assertThat(Cidr.parse(block)).isNotNull();
    }

    /** localhost resolves on every machine: had a name been looked up, it would be accepted. */
    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"999.0.0.0/8", "10.0.0.0/33", "::1/129", "host.example/8", "10.0.0.0/-1", "10.0.0.0/x", "10.0.0.0/+8",
        "10.0.0.0/", "10.0.0.0/8/8", "proxy.internal/24", "localhost", "localhost/8", "fe80::1%eth0/64", "::/129", "1.2.3/24", ""})
    void refusesAnythingElseNamingTheText(String block) {
        assertThatThrownBy(() -> Cidr.parse(block)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("not a CIDR block").hasMessageContaining("'" + block + "'");
    }

    @Test
    void saysWhichPrefixLengthsFitTheAddressFamily() {
        assertThatThrownBy(() -> Cidr.parse("10.0.0.0/33")).hasMessageContaining("from 0 to 32 for an IPv4 address");
        assertThatThrownBy(() -> Cidr.parse("::1/129")).hasMessageContaining("from 0 to 128 for an IPv6 address");
    }

    @Test
    void refusesNullWithAMessageToo() {
        assertThatThrownBy(() -> Cidr.parse(null)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("null");
    }

    @Test
    void matchesAddressesByThePrefixBitsOfTheirOwnFamilyOnly() throws Exception {
        Cidr block = Cidr.parse("192.168.0.0/23");

        assertThat(block.contains(InetAddress.getByName("192.168.1.255"))).isTrue();
        assertThat(block.contains(InetAddress.getByName("192.168.2.0"))).isFalse();
        assertThat(block.contains(InetAddress.getByName("::1"))).isFalse();
        assertThat(Cidr.parse("0.0.0.0/0").contains(InetAddress.getByName("203.0.113.9"))).isTrue();
    }
}
