package org.harbour.security;

import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import io.netty.util.NetUtil;
import jakarta.inject.Singleton;

import java.net.InetAddress;
import java.util.Arrays;
import java.util.List;

/**
 * The address a request came from, for the login throttle and the audit log, and whether it came over HTTPS. X-Forwarded-For is read
 * only when the connection comes from a configured trusted proxy (harbour.security.trusted-proxies, CIDRs;
 * none by default): anyone can write that header, so trusting it from elsewhere would let one address
 * pose as thousands and slip past the per-address throttle. Micronaut's own resolver trusts it from anyone.
 */
@Singleton
public class ClientAddress {

    static final String FORWARDED_FOR = "X-Forwarded-For";
    static final String FORWARDED_PROTO = "X-Forwarded-Proto";

    private final List<Cidr> trustedProxies;

    ClientAddress(@Value("${harbour.security.trusted-proxies:}") List<String> trustedProxies) {
        this.trustedProxies = trustedProxies.stream().map(String::trim).filter(s -> !s.isEmpty()).map(Cidr::parse).toList();
    }

    public String of(HttpRequest<?> request) {
        InetAddress peer = request.getRemoteAddress().getAddress();
        if (!trusted(peer)) {
            return peer.getHostAddress();
        }
        // Walk the chain from the nearest hop: the first address not one of our proxies is the client's.
        List<String> hops = request.getHeaders().getAll(FORWARDED_FOR).stream()
                .flatMap(value -> Arrays.stream(value.split(",")))
                .map(String::trim).toList();
        InetAddress client = peer;
        for (int i = hops.size() - 1; i >= 0 && trusted(client); i--) {
            InetAddress hop = NetUtil.createInetAddressFromIpAddressString(stripPort(hops.get(i)));
            if (hop == null) {
                break; // not an IP literal: stop at the last address we could believe
            }
            client = hop;
        }
        return client.getHostAddress();
    }

    /**
     * Whether the browser reached Harbour over HTTPS: the connection itself is TLS, or it comes from a trusted
     * proxy whose X-Forwarded-Proto says https (the last value: the one that proxy wrote). From anyone else
     * the header is ignored, so a plain-http caller cannot make Harbour claim TLS it does not have.
     */
    public boolean overHttps(HttpRequest<?> request) {
        if (request.isSecure()) {
            return true;
        }
        if (!trusted(request.getRemoteAddress().getAddress())) {
            return false;
        }
        List<String> protos = request.getHeaders().getAll(FORWARDED_PROTO).stream()
                .flatMap(value -> Arrays.stream(value.split(",")))
                .map(String::trim).filter(value -> !value.isEmpty()).toList();
        return !protos.isEmpty() && protos.get(protos.size() - 1).equalsIgnoreCase("https");
    }

    private boolean trusted(InetAddress address) {
        return trustedProxies.stream().anyMatch(cidr -> cidr.contains(address));
    }

    private static String stripPort(String hop) {
        if (hop.startsWith("[") && hop.contains("]")) {
            return hop.substring(1, hop.indexOf(']'));
        }
        int colon = hop.indexOf(':');
        return colon > 0 && colon == hop.lastIndexOf(':') ? hop.substring(0, colon) : hop;
    }

    /** An address block such as 10.0.0.0/8, 192.168.1.7 or fd00::/8. */
    record Cidr(byte[] network, int prefix) {

        static Cidr parse(String text) {
            String[] parts = text.split("/", 2);
            byte[] network = NetUtil.createByteArrayFromIpAddressString(parts[0]);
            if (network == null) {
                throw new IllegalArgumentException("harbour.security.trusted-proxies: not an IP address block: " + text);
            }
            int prefix = parts.length == 2 ? Integer.parseInt(parts[1]) : network.length * 8;
            if (prefix < 0 || prefix > network.length * 8) {
                throw new IllegalArgumentException("harbour.security.trusted-proxies: bad prefix length: " + text);
            }
            return new Cidr(network, prefix);
        }

        boolean contains(InetAddress address) {
            byte[] bytes = address.getAddress();
            if (bytes.length != network.length) {
                return false;
            }
            for (int bit = 0; bit < prefix; bit++) {
                int mask = 0x80 >>> (bit % 8);
                if ((bytes[bit / 8] & mask) != (network[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }
}
