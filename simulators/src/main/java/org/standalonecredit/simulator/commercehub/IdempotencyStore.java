package org.standalonecredit.simulator.commercehub;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.standalonecredit.simulator.Reply;

/**
 * Commerce Hub {@code Client-Request-Id} replay protection. An id seen within the window with the same path
 * and identical body bytes replays the original answer; with anything else it is a conflict. After the
 * window the id is free again. Callers needing check-then-act atomicity synchronise on the store.
 */
final class IdempotencyStore {
    enum Kind { NEW, REPLAY, CONFLICT }

    record Lookup(Kind kind, Reply reply) {
    }

    private record Entry(byte[] fingerprint, Reply reply, Instant at) {
    }

    private final Map<String, Entry> entries = new HashMap<>();
    private final Duration window;

    IdempotencyStore(Duration window) {
        this.window = window;
    }

    synchronized Lookup lookup(String clientRequestId, String path, byte[] body, Instant now) {
        entries.values().removeIf(e -> e.at().plus(window).isBefore(now));
        Entry e = entries.get(clientRequestId);
        if (e == null) {
            return new Lookup(Kind.NEW, null);
        }
        return MessageDigest.isEqual(e.fingerprint(), fingerprint(path, body))
                ? new Lookup(Kind.REPLAY, e.reply()) : new Lookup(Kind.CONFLICT, null);
    }

    synchronized void remember(String clientRequestId, String path, byte[] body, Reply reply, Instant now) {
        entries.put(clientRequestId, new Entry(fingerprint(path, body), reply.withoutFault(), now));
    }

    synchronized void clear() {
        entries.clear();
    }

    private static byte[] fingerprint(String path, byte[] body) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(path.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(body);
            return sha.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
