package org.standalonecredit.api.transport;

import java.net.URI;
import java.util.List;
import java.util.Objects;

/**
 * An HTTP request exactly as it goes on the wire. The body bytes are the ones that were signed:
 * the transport sends them untouched. {@code toString()} shows no headers and no body.
 */
public final class OutboundRequest {
    private final String method;
    private final URI uri;
    private final List<Header> headers;
    private final byte[] body;

    public OutboundRequest(String method, URI uri, List<Header> headers, byte[] body) {
        this.method = Objects.requireNonNull(method, "method");
        this.uri = Objects.requireNonNull(uri, "uri");
        this.headers = List.copyOf(headers);
        this.body = body == null ? null : body.clone();
    }

    public String method() {
        return method;
    }

    public URI uri() {
        return uri;
    }

    public List<Header> headers() {
        return headers;
    }

    /** The body bytes (a copy), or null for a request without a body. */
    public byte[] body() {
        return body == null ? null : body.clone();
    }

    /** The body bytes without copying; callers must not modify them. */
    public byte[] bodyUnsafe() {
        return body;
    }

    @Override
    public String toString() {
        return method + " " + uri.getPath();
    }
}
