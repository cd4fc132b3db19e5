package org.standalonecredit.cli;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import org.standalonecredit.api.CreditRequest;
import org.standalonecredit.api.CreditResult;
import org.standalonecredit.api.VoidRequest;
import org.standalonecredit.api.VoidResult;

/**
 * Append-only JSON-lines audit of every credit attempt: an "attempt" record written (and forced to
 * disk) before the request is sent, and an "outcome" record after, both keyed by the idempotency
 * key. A crash in between leaves the attempt without an outcome: that credit must be reconciled.
 * Records carry the masked source only, and every text value is masked ({@link Shown}): never a card number,
 * security code or secret.
 * A record that cannot be written completely is an {@link IOException}: the caller decides what that means.
 */
final class AuditLog {
    /** Opens the audit file for appending; a test can hand out a channel that fails. */
    @FunctionalInterface
    interface Opener {
        WritableByteChannel open(Path file) throws IOException;
    }

    static final Opener FILES = file -> FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
    private final Path file;
    private final Clock clock;
    private final Opener opener;

    AuditLog(Path file, Clock clock, Opener opener) {
        this.file = file;
        this.clock = clock;
        this.opener = opener;
    }

    Path file() {
        return file;
    }

    void attempt(String operator, String approval, String gatewayName, String providerId, CreditRequest request) throws IOException {
        ObjectNode r = attempt(request.idempotencyKey(), operator, approval, gatewayName, providerId);
        r.put("amount", request.amount().toPlainString());
        r.put("currency", request.amount().currencyCode());
        r.put("source", request.source().masked());
        request.merchantReference().ifPresent(v -> r.put("merchantReference", v));
        request.transactionId().ifPresent(v -> r.put("transactionId", v));
        append(r);
    }

    /** The attempt of a void; {@code key} ties it to its outcome record. */
    void attempt(String operator, String approval, String gatewayName, String providerId, String key, VoidRequest request) throws IOException {
        ObjectNode r = attempt(key, operator, approval, gatewayName, providerId);
        r.put("action", "void");
        r.put("reason", request.reason().name());
        request.gatewayTransactionId().ifPresent(v -> r.put("gatewayTransactionId", v));
        request.transactionId().ifPresent(v -> r.put("transactionId", v));
        append(r);
    }

    void outcome(String key, VoidResult result) throws IOException {
        ObjectNode r = record("outcome", key);
        r.put("action", "void");
        r.put("outcome", result.outcome().name());
        r.put("httpStatus", result.httpStatus());
        if (result.voidId() != null) {
            r.put("voidId", result.voidId());
        }
        if (result.gatewayStatus() != null) {
            r.put("gatewayStatus", result.gatewayStatus());
        }
        append(r);
    }

    private ObjectNode attempt(String key, String operator, String approval, String gatewayName, String providerId) {
        ObjectNode r = record("attempt", key);
        r.put("operator", operator);
        r.put("approval", approval);
        r.put("gateway", gatewayName);
        r.put("provider", providerId);
        return r;
    }

    void outcome(CreditResult result) throws IOException {
        ObjectNode r = record("outcome", result.idempotencyKey());
        r.put("outcome", result.outcome().name());
        r.put("detail", result.detail().name());
        r.put("attempts", result.attempts());
        r.put("httpStatus", result.httpStatus());
        result.gatewayTransactionId().ifPresent(v -> r.put("gatewayTransactionId", v));
        result.reconciliationId().ifPresent(v -> r.put("reconciliationId", v));
        result.responseCode().ifPresent(v -> r.put("responseCode", v));
        result.reconciliation().ifPresent(v -> r.put("reconcile", v.advice()));
        append(r);
    }

    /** The outcome of an attempt that ended in an exception: {@code outcome} says whether it may have been sent. */
    void outcome(String idempotencyKey, String outcome, String detail) throws IOException {
        ObjectNode r = record("outcome", idempotencyKey);
        r.put("outcome", outcome);
        r.put("detail", detail);
        append(r);
    }

    private ObjectNode record(String phase, String idempotencyKey) {
        ObjectNode r = JsonNodeFactory.instance.objectNode();
        r.put("time", clock.instant().toString());
        r.put("phase", phase);
        r.put("idempotencyKey", idempotencyKey);
        return r;
    }

    private synchronized void append(ObjectNode record) throws IOException {
        ByteBuffer line = ByteBuffer.wrap((Shown.jsonLine(record) + "\n").getBytes(StandardCharsets.UTF_8));
        try (WritableByteChannel ch = opener.open(file)) {
            // one write may take only part of the buffer (a full disk): loop, and fail on a write that makes no progress
            while (line.hasRemaining()) {
                if (ch.write(line) <= 0) {
                    throw new IOException("short write: " + line.remaining() + " of " + line.capacity() + " bytes not written");
                }
            }
            if (ch instanceof FileChannel fc) {
                fc.force(true);
            }
        }
    }
}
