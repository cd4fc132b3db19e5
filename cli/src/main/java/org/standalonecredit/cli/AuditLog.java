package org.standalonecredit.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import org.standalonecredit.api.CreditRequest;
import org.standalonecredit.api.CreditResult;

/**
 * Append-only JSON-lines audit of every credit attempt: an "attempt" record written (and forced to
 * disk) before the request is sent, and an "outcome" record after, both keyed by the idempotency
 * key. A crash in between leaves the attempt without an outcome: that credit must be reconciled.
 * Records carry the masked source only: never a card number, security code or secret.
 */
final class AuditLog {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path file;
    private final Clock clock;

    AuditLog(Path file, Clock clock) {
        this.file = file;
        this.clock = clock;
    }

    void attempt(String operator, String approval, String gatewayName, String providerId, CreditRequest request) {
        ObjectNode r = record("attempt", request.idempotencyKey());
        r.put("operator", operator);
        r.put("approval", approval);
        r.put("gateway", gatewayName);
        r.put("provider", providerId);
        r.put("amount", request.amount().toPlainString());
        r.put("currency", request.amount().currencyCode());
        r.put("source", request.source().masked());
        request.merchantReference().ifPresent(v -> r.put("merchantReference", v));
        request.transactionId().ifPresent(v -> r.put("transactionId", v));
        append(r);
    }

    void outcome(CreditResult result) {
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

    void failure(String idempotencyKey, String what) {
        ObjectNode r = record("outcome", idempotencyKey);
        r.put("outcome", "NOT_COMPLETED");
        r.put("detail", what);
        append(r);
    }

    private ObjectNode record(String phase, String idempotencyKey) {
        ObjectNode r = JSON.createObjectNode();
        r.put("time", clock.instant().toString());
        r.put("phase", phase);
        r.put("idempotencyKey", idempotencyKey);
        return r;
    }

    private synchronized void append(ObjectNode record) {
        byte[] line = (record.toString() + "\n").getBytes(StandardCharsets.UTF_8);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            ch.write(ByteBuffer.wrap(line));
            ch.force(true);
        } catch (IOException e) {
            throw new UsageException("cannot write the audit log " + file + ": " + e.getClass().getSimpleName() + "; nothing was sent",
                    ExitCodes.CONFIGURATION);
        }
    }
}
