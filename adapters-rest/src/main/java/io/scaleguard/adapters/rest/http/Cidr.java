package io.scaleguard.adapters.rest.http;

import java.net.InetAddress;

/** A block of IPv4 or IPv6 addresses such as {@code 10.0.0.0/8} or {@code fd00::/8}; a bare address is a block of one. */
record Cidr(byte[] network, int prefixLength) {

    static Cidr parse(String text) {
        String value = text == null ? "" : text.strip();
        int slash = value.indexOf('/');
        String address = slash < 0 ? value : value.substring(0, slash);
        InetAddress base = IpAddresses.parse(address)
                .orElseThrow(() -> new IllegalArgumentException("not a CIDR block: '" + text + "'"));
        int bits = base.getAddress().length * 8;
        int prefix;
        try {
            prefix = slash < 0 ? bits : Integer.parseInt(value.substring(slash + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a CIDR block: '" + text + "'");
        }
        if (prefix < 0 || prefix > bits) {
            throw new IllegalArgumentException("CIDR prefix out of range in '" + text + "'");
        }
        return new Cidr(base.getAddress(), prefix);
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
