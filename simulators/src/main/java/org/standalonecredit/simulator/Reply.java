package org.standalonecredit.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * An HTTP answer a simulator intends to give, plus an optional transport fault applied on the way out
 * ({@link Behaviour.Kind#TRANSPORT}). Immutable.
 */
public final class Reply {
    private final int status;
    private final Map<String, String> headers;
    private final byte[] body;
    private final Behaviour fault;
    private final Duration delay;

    private Reply(int status, Map<String, String> headers, byte[] body, Behaviour fault, Duration delay) {
        this.status = status;
        this.headers = Map.copyOf(headers);
        this.body = body;
        this.fault = fault;
        this.delay = delay;
    }

    /** A JSON answer with the given content type. */
    public static Reply json(int status, String contentType, JsonNode body) {
        return new Reply(status, Map.of("Content-Type", contentType), SimJson.write(body), null, null);
    }

    /** An answer with raw bytes. */
    public static Reply bytes(int status, String contentType, byte[] body) {
        return new Reply(status, Map.of("Content-Type", contentType), body.clone(), null, null);
    }

    /** A plain-text answer (used for simulator-internal problems). */
    public static Reply text(int status, String text) {
        return bytes(status, "text/plain; charset=utf-8", text.getBytes(StandardCharsets.UTF_8));
    }

    /** A copy with an extra header. */
    public Reply withHeader(String name, String value) {
        Map<String, String> h = new LinkedHashMap<>(headers);
        h.put(name, value);
        return new Reply(status, h, body, fault, delay);
    }

    /** A copy with another body; status, headers and fault stay. */
    public Reply withBody(byte[] body) {
        return new Reply(status, headers, body.clone(), fault, delay);
    }

    /**
     * A copy that will be delivered with a transport fault. Non-transport behaviours are ignored (returns this).
     *
     * @param delay used only by {@link Behaviour#DELAY}
     */
    public Reply withFault(Behaviour fault, Duration delay) {
        if (fault == null || fault.kind() != Behaviour.Kind.TRANSPORT) {
            return this;
        }
        return new Reply(status, headers, body, fault, Objects.requireNonNull(delay, "delay"));
    }

    /** A copy without a transport fault. */
    public Reply withoutFault() {
        return new Reply(status, headers, body, null, null);
    }

    /** HTTP status. */
    public int status() {
        return status;
    }

    /** Response headers (Content-Type included). */
    public Map<String, String> headers() {
        return headers;
    }

    /** A copy of the body bytes. */
    public byte[] body() {
        return body.clone();
    }

    byte[] bodyUnsafe() {
        return body;
    }

    /** The transport fault, or {@code null}. */
    public Behaviour fault() {
        return fault;
    }

    /** The delay for {@link Behaviour#DELAY}, or {@code null}. */
    public Duration delay() {
        return delay;
    }

    @Override
    public String toString() {
        return "Reply[" + status + ", " + body.length + " bytes" + (fault != null ? ", " + fault : "") + "]";
    }
}
