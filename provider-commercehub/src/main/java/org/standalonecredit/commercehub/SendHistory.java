package org.standalonecredit.commercehub;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.standalonecredit.kit.signing.HmacSha256;

/**
 * What this gateway instance remembers of each idempotency key it sent: when it was first sent, a
 * keyed fingerprint of the request (to refuse the same key for a different credit), and, for
 * encrypted cards only, the exact body sent (RSA-OAEP ciphertext differs on every encryption, and a
 * re-submission must carry identical bytes). Plain card bodies are never kept. Bounded: the oldest
 * keys are forgotten first.
 */
final class SendHistory {
    static final int DEFAULT_CAPACITY = 10_000;

    /** One remembered key. {@code sentBody} is null unless the body holds no card data in the clear. */
    record Entry(Instant firstSentAt, byte[] fingerprint, byte[] sentBody) {
        boolean sameRequest(byte[] otherFingerprint) {
            return MessageDigest.isEqual(fingerprint, otherFingerprint);
        }
    }

    private static final SecureRandom FINGERPRINT_KEYS = new SecureRandom();

    private final Map<String, Entry> entries;
    private final HmacSha256 fingerprints;

    SendHistory(int capacity) {
        this.entries = new OldestFirst(capacity);
        byte[] key = new byte[32];
        FINGERPRINT_KEYS.nextBytes(key);
        this.fingerprints = new HmacSha256(key);
    }

    synchronized Entry get(String idempotencyKey) {
        return entries.get(idempotencyKey);
    }

    /** Starts (or, after the replay window, restarts) the record of a key. */
    synchronized void recordSend(String idempotencyKey, Entry entry) {
        entries.remove(idempotencyKey);
        entries.put(idempotencyKey, entry);
    }

    synchronized int size() {
        return entries.size();
    }

    /** An HMAC of the request's clear body under a key that lives only in this instance: no card data can be recovered from it. */
    byte[] fingerprint(byte[] clearBody) {
        return fingerprints.sign(clearBody);
    }

    /** Forgets the key sent longest ago once more than {@code capacity} are remembered. */
    private static final class OldestFirst extends LinkedHashMap<String, Entry> {
        private static final long serialVersionUID = 1L;
        private final int capacity;

        OldestFirst(int capacity) {
            super(16, 0.75f, false);
            this.capacity = capacity;
        }

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
            return size() > capacity;
        }
    }
}
