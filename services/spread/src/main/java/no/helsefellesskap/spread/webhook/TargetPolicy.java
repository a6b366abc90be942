package no.helsefellesskap.spread.webhook;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * Which webhook targets we post to: http(s) only (plain http only when allowed), no credentials in the URL, and no
 * private, loopback, link-local or wildcard address unless allowed, so a subscriber cannot make us call into our own
 * network. Checked when a subscription is saved and again, after DNS resolution, before every delivery.
 */
public final class TargetPolicy {

    private final boolean allowHttp;
    private final boolean allowPrivate;

    public TargetPolicy(boolean allowHttp, boolean allowPrivate) {
        this.allowHttp = allowHttp;
        this.allowPrivate = allowPrivate;
    }

    /** @return why the URL is refused, or empty when it may be used */
    public Optional<String> refusal(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return Optional.of("is not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase();
        if (!scheme.equals("https") && !(allowHttp && scheme.equals("http"))) {
            return Optional.of(allowHttp ? "must use https or http" : "must use https");
        }
        if (uri.getRawUserInfo() != null) {
            return Optional.of("must not carry credentials (user:password@)");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            return Optional.of("has no host");
        }
        if (uri.getRawFragment() != null) {
            return Optional.of("must not have a fragment");
        }
        if (allowPrivate) {
            return Optional.empty();
        }
        try {
            for (InetAddress a : InetAddress.getAllByName(uri.getHost())) {
                if (isInternal(a)) {
                    return Optional.of("resolves to a private or loopback address (" + a.getHostAddress() + ")");
                }
            }
        } catch (UnknownHostException e) {
            return Optional.of("has a host name that does not resolve");
        }
        return Optional.empty();
    }

    static boolean isInternal(InetAddress a) {
        if (a.isLoopbackAddress() || a.isAnyLocalAddress() || a.isLinkLocalAddress() || a.isSiteLocalAddress()
                || a.isMulticastAddress()) {
            return true;
        }
        byte[] b = a.getAddress();
        if (b.length == 4) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return first == 0 || (first == 100 && second >= 64 && second < 128); // this network, carrier-grade NAT
        }
        return (b[0] & 0xfe) == 0xfc; // IPv6 unique local fc00::/7
    }
}
