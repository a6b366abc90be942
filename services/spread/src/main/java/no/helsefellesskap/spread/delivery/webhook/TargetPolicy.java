package no.helsefellesskap.spread.delivery.webhook;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * Which webhook targets we post to: http(s) only (plain http only when allowed), no credentials in the URL, and no
 * address inside a network (private, loopback, link-local, carrier-grade NAT, benchmarking, reserved, broadcast,
 * multicast, and IPv6 forms that carry an IPv4 address: mapped, compatible, NAT64, 6to4, Teredo) unless allowed, so a
 * subscriber cannot make us call into our own network. Checked when a subscription is saved and again before every
 * delivery, which then connects to the very address that was checked: a name that resolves differently the second
 * time (DNS rebinding) cannot redirect it.
 */
public final class TargetPolicy {

    /** Resolves a host name; the default asks the system resolver. */
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    /** A target that may be used, with the address to connect to, or why it may not. */
    public record Checked(URI uri, InetAddress address, String refusal) {
        public boolean refused() {
            return refusal != null;
        }

        static Checked refused(String why) {
            return new Checked(null, null, why);
        }
    }

    private final boolean allowHttp;
    private final boolean allowPrivate;
    private final Resolver resolver;

    public TargetPolicy(boolean allowHttp, boolean allowPrivate) {
        this(allowHttp, allowPrivate, InetAddress::getAllByName);
    }

    public TargetPolicy(boolean allowHttp, boolean allowPrivate, Resolver resolver) {
        this.allowHttp = allowHttp;
        this.allowPrivate = allowPrivate;
        this.resolver = resolver;
    }

    /** @return why the URL is refused, or empty when it may be used */
    public Optional<String> refusal(String url) {
        return Optional.ofNullable(check(url).refusal());
    }

    /** Resolves the host once; every address it has must be allowed, and the first is the one to connect to. */
    public Checked check(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return Checked.refused("is not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase();
        if (!scheme.equals("https") && !(allowHttp && scheme.equals("http"))) {
            return Checked.refused(allowHttp ? "must use https or http" : "must use https");
        }
        if (uri.getRawUserInfo() != null) {
            return Checked.refused("must not carry credentials (user:password@)");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            return Checked.refused("has no host");
        }
        if (uri.getRawFragment() != null) {
            return Checked.refused("must not have a fragment");
        }
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(uri.getHost());
        } catch (UnknownHostException e) {
            return Checked.refused("has a host name that does not resolve");
        }
        if (addresses == null || addresses.length == 0) {
            return Checked.refused("has a host name that does not resolve");
        }
        if (!allowPrivate) {
            for (InetAddress a : addresses) {
                if (isInternal(a)) {
                    return Checked.refused("resolves to an address inside a network (" + a.getHostAddress() + ")");
                }
            }
        }
        return new Checked(uri, addresses[0], null);
    }

    static boolean isInternal(InetAddress a) {
        if (a.isLoopbackAddress() || a.isAnyLocalAddress() || a.isLinkLocalAddress() || a.isSiteLocalAddress()
                || a.isMulticastAddress()) {
            return true;
        }
        byte[] b = a.getAddress();
        if (b.length == 4) {
            return isInternalV4(b);
        }
        Inet6Address v6 = (Inet6Address) a;
        if (v6.isIPv4CompatibleAddress()) {
            return true; // ::a.b.c.d, deprecated; only ever a way to reach an IPv4 address
        }
        int w0 = ((b[0] & 0xff) << 8) | (b[1] & 0xff);
        int w1 = ((b[2] & 0xff) << 8) | (b[3] & 0xff);
        boolean mapped = allZero(b, 0, 10) && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
        return (b[0] & 0xfe) == 0xfc          // unique local fc00::/7
                || mapped                      // ::ffff:a.b.c.d (Java usually turns these into IPv4 already)
                || w0 == 0x0064 && w1 == 0xff9b // NAT64 64:ff9b::/96 and the local-use 64:ff9b:1::/48
                || w0 == 0x2002                 // 6to4 2002::/16
                || w0 == 0x2001 && w1 == 0x0000 // Teredo 2001::/32
                || w0 == 0x0100 && allZero(b, 2, 8); // discard-only 100::/64
    }

    private static boolean isInternalV4(byte[] b) {
        int first = b[0] & 0xff;
        int second = b[1] & 0xff;
        return first == 0                                      // this network 0.0.0.0/8
                || first == 100 && second >= 64 && second < 128 // carrier-grade NAT 100.64.0.0/10
                || first == 198 && (second == 18 || second == 19) // benchmarking 198.18.0.0/15
                || first == 192 && second == 0 && (b[2] & 0xff) == 0 // IETF protocol assignments 192.0.0.0/24
                || first >= 240;                                // reserved 240.0.0.0/4 and broadcast 255.255.255.255
    }

    private static boolean allZero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }
}
