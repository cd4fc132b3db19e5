package org.standalonecredit.simulator;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One HTTP request exactly as a simulator received it: method, path (with query), headers and the exact
 * body bytes. Stored in the {@link RequestJournal} so tests can assert on what went over the wire.
 *
 * <p>Header names are case-insensitive. {@link #toString()} never prints headers or the body (they may carry
 * signatures or card data).
 */
public final class RecordedRequest {
    private final long sequence;
    private final Instant receivedAt;
    private final String method;
    private final String path;
    private final Map<String, List<String>> headers;
    private final byte[] body;

    /**
     * @param sequence   position in the journal (0-based, in order of arrival)
     * @param receivedAt simulator-clock time of arrival
     * @param method     HTTP method, upper case
     * @param path       raw path including {@code ?query} if any
     * @param headers    header values by name (copied)
     * @param body       exact body bytes (copied)
     */
    public RecordedRequest(long sequence, Instant receivedAt, String method, String path,
                           Map<String, List<String>> headers, byte[] body) {
        this.sequence = sequence;
        this.receivedAt = Objects.requireNonNull(receivedAt, "receivedAt");
        this.method = Objects.requireNonNull(method, "method");
        this.path = Objects.requireNonNull(path, "path");
        TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, values) -> copy.computeIfAbsent(name, n -> new ArrayList<>()).addAll(values));
        copy.replaceAll((name, values) -> List.copyOf(values));
        this.headers = Collections.unmodifiableMap(copy);
        this.body = body.clone();
    }

    /** Position in the journal, in order of arrival. */
    public long sequence() {
        return sequence;
    }

    /** Simulator-clock time at which the request arrived. */
    public Instant receivedAt() {
        return receivedAt;
    }

    /** HTTP method, upper case. */
    public String method() {
        return method;
    }

    /** Raw path as sent, including {@code ?query} when present. */
    public String path() {
        return path;
    }

    /** Path without the query string. */
    public String pathWithoutQuery() {
        int q = path.indexOf('?');
        return q < 0 ? path : path.substring(0, q);
    }

    /** All headers, case-insensitive by name. */
    public Map<String, List<String>> headers() {
        return headers;
    }

    /** First value of a header (case-insensitive), or {@code null}. */
    public String header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** All values of a header (case-insensitive); empty when absent. */
    public List<String> headerValues(String name) {
        return headers.getOrDefault(name, List.of());
    }

    /** A copy of the exact body bytes. */
    public byte[] body() {
        return body.clone();
    }

    /** Body length in bytes. */
    public int bodyLength() {
        return body.length;
    }

    /** The body decoded as UTF-8. */
    public String bodyAsString() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** Package-private zero-copy access for the simulators' own use. */
    byte[] bodyUnsafe() {
        return body;
    }

    @Override
    public String toString() {
        return "#" + sequence + " " + method + " " + pathWithoutQuery() + " (" + body.length + " body bytes)";
    }
}
