package org.standalonecredit.api.transport;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/** An HTTP response, body fully read (and capped). */
public final class InboundResponse {
    private final int status;
    private final List<Header> headers;
    private final byte[] body;

    public InboundResponse(int status, List<Header> headers, byte[] body) {
        this.status = status;
        this.headers = List.copyOf(headers);
        this.body = body == null ? new byte[0] : body;
    }

    public int status() {
        return status;
    }

    public List<Header> headers() {
        return headers;
    }

    public Optional<String> header(String name) {
        for (Header h : headers) {
            if (h.name().equalsIgnoreCase(name)) {
                return Optional.of(h.value());
            }
        }
        return Optional.empty();
    }

    /** The body bytes; callers must not modify them. */
    public byte[] body() {
        return body;
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "InboundResponse[" + status + ", " + body.length + " bytes]";
    }
}
