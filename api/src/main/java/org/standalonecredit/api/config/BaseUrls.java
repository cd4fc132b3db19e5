package org.standalonecredit.api.config;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;

/** Base-URL rules: https anywhere, plain http only to a loopback host (simulators, local proxies). */
public final class BaseUrls {
    private BaseUrls() {
    }

    /** Returns a problem description, or empty when the URL is acceptable. */
    public static Optional<String> problem(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return Optional.of("is not a valid URL");
        }
        String host = uri.getHost();
        if (uri.getScheme() == null || host == null) {
            return Optional.of("must be an absolute http(s) URL with a host");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
            return Optional.of("must not carry a query, fragment or user info");
        }
        switch (uri.getScheme().toLowerCase(java.util.Locale.ROOT)) {
            case "https":
                return Optional.empty();
            case "http":
                return isLoopback(host) ? Optional.empty() : Optional.of("may use http:// only for a loopback host; use https://");
            default:
                return Optional.of("must use https://");
        }
    }

    /**
     * Plain http is allowed only when the whole path stays on this machine: with an {@code http://} base
     * URL, a proxy must itself be a loopback host. Returns the problem for the proxy key, or empty.
     */
    public static Optional<String> proxyProblem(String baseUrl, String baseUrlKey, String proxyHost) {
        String scheme;
        try {
            scheme = new URI(baseUrl).getScheme();
        } catch (URISyntaxException e) {
            return Optional.empty(); // the base URL's own problem is reported under its key
        }
        if (!"http".equalsIgnoreCase(scheme) || isLoopback(proxyHost)) {
            return Optional.empty();
        }
        return Optional.of("must be a loopback host (localhost, 127.0.0.0/8) while " + baseUrlKey
                + " uses http://: a proxy elsewhere would receive card data in clear text; use https:// or a loopback proxy");
    }

    static boolean isLoopback(String host) {
        String h = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        if (h.equalsIgnoreCase("localhost")) {
            return true;
        }
        if (!h.matches("[0-9.]+") && !h.contains(":")) {
            return false; // a name other than localhost: never resolve it here, it could point anywhere
        }
        try {
            return InetAddress.getByName(h).isLoopbackAddress();
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }

    /** The URL without a trailing slash. */
    public static String normalize(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
