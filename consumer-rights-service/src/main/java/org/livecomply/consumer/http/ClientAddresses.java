package org.livecomply.consumer.http;

import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * The client a public request comes from, for rate limiting: the peer address, unless the peer is a
 * configured proxy; then the right-most X-Forwarded-For address that is not a trusted proxy (anything left
 * of it can be forged by the client).
 */
@Singleton
public class ClientAddresses {

    private final List<Cidr> trusted = new ArrayList<>();

    public ClientAddresses(HttpConfiguration configuration) {
        for (String proxy : configuration.getTrustedProxies()) {
            trusted.add(Cidr.parse(proxy));
        }
    }

    public String of(HttpRequest<?> request) {
        InetSocketAddress remote = request.getRemoteAddress();
        InetAddress peer = remote == null ? null : remote.getAddress();
        if (peer == null) {
            return "unknown";
        }
        if (!isTrusted(peer)) {
            return peer.getHostAddress();
        }
        List<String> forwarded = new ArrayList<>();
        for (String header : request.getHeaders().getAll("X-Forwarded-For")) {
            for (String part : header.split(",")) {
                if (!part.isBlank()) {
                    forwarded.add(part.trim());
                }
            }
        }
        for (int i = forwarded.size() - 1; i >= 0; i--) {
            InetAddress hop = literal(forwarded.get(i));
            if (hop == null) {
                break;
            }
            if (!isTrusted(hop)) {
                return hop.getHostAddress();
            }
        }
        return peer.getHostAddress();
    }

    private boolean isTrusted(InetAddress address) {
        return trusted.stream().anyMatch(cidr -> cidr.contains(address));
    }

    /** An IP literal, never a name lookup. */
    private static InetAddress literal(String text) {
        if (!text.matches("[0-9a-fA-F:.]{2,45}")) {
            return null;
        }
        try {
            return InetAddress.getByName(text);
        } catch (UnknownHostException e) {
            return null;
        }
    }

    /** An address or a CIDR block. */
    record Cidr(byte[] network, int prefix) {

        static Cidr parse(String text) {
            String[] parts = text.trim().split("/");
            InetAddress address = literal(parts[0]);
            if (address == null || parts.length > 2) {
                throw new ConfigurationException("livecomply.consumer.http.trusted-proxies: not an IP address or CIDR: " + text);
            }
            int bits = address.getAddress().length * 8;
            int prefix = parts.length == 2 ? Integer.parseInt(parts[1]) : bits;
            if (prefix < 0 || prefix > bits) {
                throw new ConfigurationException("livecomply.consumer.http.trusted-proxies: bad prefix length in " + text);
            }
            return new Cidr(address.getAddress(), prefix);
        }

        boolean contains(InetAddress address) {
            byte[] candidate = address.getAddress();
            if (candidate.length != network.length) {
                return false;
            }
            for (int bit = 0; bit < prefix; bit++) {
                int mask = 0x80 >> (bit % 8);
                if ((candidate[bit / 8] & mask) != (network[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }
}
