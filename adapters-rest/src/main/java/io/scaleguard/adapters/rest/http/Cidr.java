package io.scaleguard.adapters.rest.http;

import java.net.InetAddress;
import java.util.regex.Pattern;

/**
 * A block of IPv4 or IPv6 addresses such as {@code 10.0.0.0/8} or {@code fd00::/8}; a bare address is a block of one.
 * Public so that the configuration checks the trusted proxies with the very parser the client-address resolver uses.
 */
public final class Cidr {

    private static final Pattern PREFIX = Pattern.compile("\\d{1,3}");

    private final byte[] network;
    private final int prefixLength;

    private Cidr(byte[] network, int prefixLength) {
        this.network = network;
        this.prefixLength = prefixLength;
    }

    /**
     * Reads address literals only (never a host name, so never a DNS lookup), IPv6 optionally in brackets.
     *
     * @throws IllegalArgumentException naming the text, when it is not an IPv4 or IPv6 address with an optional prefix
     *                                  length that fits the address family
     */
    public static Cidr parse(String text) {
        String value = text == null ? "" : text.strip();
        int slash = value.indexOf('/');
        String address = slash < 0 ? value : value.substring(0, slash);
        InetAddress base = IpAddresses.parse(address).orElseThrow(() -> new IllegalArgumentException(
                "not a CIDR block: '" + text + "' does not start with an IPv4 or IPv6 address"));
        int bits = base.getAddress().length * 8;
        String prefix = slash < 0 ? Integer.toString(bits) : value.substring(slash + 1);
        if (!PREFIX.matcher(prefix).matches() || Integer.parseInt(prefix) > bits) {
            throw new IllegalArgumentException("not a CIDR block: the prefix length of '" + text + "' must be a whole number from 0 to "
                    + bits + " for an " + (bits == 32 ? "IPv4" : "IPv6") + " address");
        }
        return new Cidr(base.getAddress(), Integer.parseInt(prefix));
    }

    boolean contains(InetAddress address) {
        byte[] candidate = address.getAddress();
        if (candidate.length != network.length) {
            return false;
        }
        int whole = prefixLength / 8;
        for (int i = 0; i < whole; i++) {
            if (candidate[i] != network[i]) {
                return false;
            }
        }
        int rest = prefixLength % 8;
        if (rest == 0) {
            return true;
        }
        int mask = 0xFF << (8 - rest) & 0xFF;
        return (candidate[whole] & mask) == (network[whole] & mask);
    }
}
