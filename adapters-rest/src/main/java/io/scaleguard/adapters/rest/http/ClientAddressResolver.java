package io.scaleguard.adapters.rest.http;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds the real client address of a request. The TCP peer is the client unless it is one of our trusted proxies;
 * then the client is the right-most {@code X-Forwarded-For} hop that is not itself a trusted proxy (every hop to its
 * left may have been written by the client), or {@code X-Real-IP} when there is no {@code X-Forwarded-For}. A hop that
 * is not an IP address ends the walk at the proxy that reported it, so the answer is always a real address.
 */
public final class ClientAddressResolver {

    private final List<Cidr> trusted;

    /** @param trustedProxies CIDR blocks, IPv4 or IPv6; refused with IllegalArgumentException when malformed */
    public ClientAddressResolver(List<String> trustedProxies) {
        this.trusted = trustedProxies.stream().map(Cidr::parse).toList();
    }

    /**
     * @param peer         the TCP peer's address as the server saw it
     * @param forwardedFor every {@code X-Forwarded-For} header value, in order (may be empty)
     * @param realIp       the {@code X-Real-IP} header, or null
     * @return the client address in canonical form
     */
    public String clientAddress(String peer, List<String> forwardedFor, String realIp) {
        Optional<InetAddress> parsedPeer = IpAddresses.parse(peer);
        if (parsedPeer.isEmpty()) {
            return peer == null ? "unknown" : peer;
        }
        InetAddress nearest = parsedPeer.get();
        if (!isTrusted(nearest)) {
            return nearest.getHostAddress();
        }
        List<String> hops = hops(forwardedFor);
        if (hops.isEmpty()) {
            return IpAddresses.parse(realIp).orElse(nearest).getHostAddress();
        }
        for (int i = hops.size() - 1; i >= 0; i--) {
            Optional<InetAddress> hop = IpAddresses.parse(hops.get(i));
            if (hop.isEmpty()) {
                return nearest.getHostAddress();
            }
            nearest = hop.get();
            if (!isTrusted(nearest)) {
                return nearest.getHostAddress();
            }
        }
        return nearest.getHostAddress();
    }

    private boolean isTrusted(InetAddress address) {
        return trusted.stream().anyMatch(block -> block.contains(address));
    }

    private static List<String> hops(List<String> headerValues) {
        List<String> hops = new ArrayList<>();
        if (headerValues != null) {
            for (String value : headerValues) {
                for (String hop : value.split(",", -1)) {
                    hops.add(hop.strip());
                }
            }
        }
        return hops;
    }
}
