package org.standalonecredit.cybersource;

import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.standalonecredit.api.transport.Header;
import org.standalonecredit.api.transport.OutboundRequest;

/**
 * Builds signed requests to one Cybersource-family host. Each call signs afresh (Date from the clock),
 * so a retried request carries a new Date and Signature over the same body bytes.
 */
final class SignedRequests {
    static final String CONTENT_TYPE = "application/json;charset=utf-8";
    static final String ACCEPT = "application/hal+json;charset=utf-8";

    private final URI baseUrl;
    private final String host;
    private final RequestAuthentication signer;
    private final MessageEncryption encryption;
    private final Clock clock;
    private volatile ResolvedPath lastResolved;

    SignedRequests(URI baseUrl, String host, RequestAuthentication signer, MessageEncryption encryption, Clock clock) {
        this.baseUrl = baseUrl;
        this.encryption = encryption;
        this.host = host;
        this.signer = signer;
        this.clock = clock;
    }

    OutboundRequest post(String path, byte[] plainBody) {
        byte[] body = encryption.requestBody(plainBody); // the signature and the JWT digest cover the bytes sent
        List<Header> headers = new ArrayList<>(signer.headers("POST", host, signedPath(path), clock.instant(), body));
        headers.add(new Header("Content-Type", CONTENT_TYPE));
        headers.add(new Header("Accept", ACCEPT));
        return new OutboundRequest("POST", uri(path), headers, body);
    }

    OutboundRequest get(String path) {
        List<Header> headers = new ArrayList<>(signer.headers("GET", host, signedPath(path), clock.instant(), null));
        headers.add(new Header("Accept", ACCEPT));
        return new OutboundRequest("GET", uri(path), headers, null);
    }

    private URI uri(String path) {
        ResolvedPath last = lastResolved; // almost always the credits path: parse its URI once, not per request
        if (last != null && last.path.equals(path)) {
            return last.uri;
        }
        URI uri = URI.create(baseUrl.toString() + path);
        lastResolved = new ResolvedPath(path, uri);
        return uri;
    }

    private record ResolvedPath(String path, URI uri) {
    }

    /** The request-target is the path the server receives: the base URL's own path (a proxy prefix) and ours. */
    private String signedPath(String path) {
        String prefix = baseUrl.getRawPath() == null ? "" : baseUrl.getRawPath();
        return prefix + path;
    }

    String host() {
        return host;
    }
}
