package org.standalonecredit.cybersource;

import org.standalonecredit.kit.json.JsonReads;
import org.standalonecredit.kit.json.JsonMasking;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.standalonecredit.api.CardBrand;
import org.standalonecredit.api.CardSummary;
import org.standalonecredit.api.CreditOutcome;
import org.standalonecredit.api.CreditRequest;
import org.standalonecredit.api.CreditResult;
import org.standalonecredit.api.OutcomeDetail;
import org.standalonecredit.api.PaymentSource;
import org.standalonecredit.api.privacy.Masking;
import org.standalonecredit.kit.HttpStatuses;
import org.standalonecredit.api.transport.InboundResponse;

/**
 * Turns an answer to {@code POST /pts/v2/credits} into a neutral result (protocol notes §4). Any body
 * shape gives a typed outcome: what cannot be read after the credit was sent is UNKNOWN, never a guess.
 */
final class CreditResponseReader {
    /** Statuses of a 2xx that mean the credit was not made. */
    private static final Set<String> DECLINE_STATUSES = Set.of("DECLINED", "FAILED", "INVALID_REQUEST", "REJECTED",
            "AUTHORIZED_RISK_DECLINED", "CANCELLED");
    private static final Set<String> TIMEOUT_REASONS = Set.of("SERVER_TIMEOUT", "SERVICE_TIMEOUT");
    static final String DUPLICATE_REASON = "DUPLICATE_REQUEST";
    private static final String[] TOKENS = {"customer", "paymentInstrument", "instrumentIdentifier", "shippingAddress"};
    private static final String[] TOKEN_POINTERS = java.util.Arrays.stream(TOKENS)
            .map(t -> "/paymentInformation/" + t + "/id").toArray(String[]::new);

    private final String providerId;

    CreditResponseReader(String providerId) {
        this.providerId = providerId;
    }

    CreditResult read(CreditRequest request, InboundResponse response, int attempts) {
        int status = response.status();
        String requestId = response.header("v-c-correlation-id").or(() -> response.header("x-requestid")).orElse(null);
        CreditResult.Builder b = CreditResult.builder().providerId(providerId).idempotencyKey(request.idempotencyKey())
                .attempts(attempts).httpStatus(status).maskedResponseBodyOnRead(JsonMasking.lazily(response.body()))
                .reference("correlationId", response.header("v-c-correlation-id").orElse(null));
        Optional<JsonNode> parsed = JsonReads.parseObject(CybersourceProvider.JSON, response.body());
        if (parsed.isEmpty()) {
            return unreadable(request, b, status, requestId);
        }
        JsonNode body = parsed.get();
        keepIdentifiers(request, body, b);
        String gatewayId = JsonReads.text(body, "/id");
        if (status >= 200 && status < 300) {
            return answered(request, body, b, gatewayId, requestId);
        }
        b.responseCode(ErrorBody.reason(body)).responseMessage(ErrorBody.message(body));
        ErrorBody.errors(body).forEach(b::addError);
        if (status == 400 && DUPLICATE_REASON.equals(ErrorBody.reason(body))) {
            return b.outcome(CreditOutcome.UNKNOWN, OutcomeDetail.DUPLICATE_TRANSACTION_ID)
                    .reconciliation(ReconciliationAdvice.duplicate(request, requestId)).build();
        }
        if (status >= 500) {
            String reason = ErrorBody.reason(body); // may be absent: Set.of(...).contains(null) throws
            OutcomeDetail detail = reason != null && TIMEOUT_REASONS.contains(reason) ? OutcomeDetail.GATEWAY_TIMEOUT : OutcomeDetail.GATEWAY_ERROR;
            return b.outcome(CreditOutcome.UNKNOWN, detail)
                    .reconciliation(ReconciliationAdvice.of(request, gatewayId, requestId,
                            "Cybersource answered HTTP " + status + (reason != null ? " " + Masking.maskText(reason) : "") + ", which does not say whether the credit was made."))
                    .build();
        }
        if (HttpStatuses.isRefusal(status)) {
            return b.outcome(CreditOutcome.REJECTED, refusal(status)).build();
        }
        return b.outcome(CreditOutcome.UNKNOWN, status == 408 ? OutcomeDetail.GATEWAY_TIMEOUT : OutcomeDetail.GATEWAY_ERROR)
                .reconciliation(ReconciliationAdvice.of(request, gatewayId, requestId,
                        "Cybersource answered HTTP " + status + ", which does not say whether the credit was made."))
                .build();
    }

    private static CreditResult answered(CreditRequest request, JsonNode body, CreditResult.Builder b, String gatewayId, String requestId) {
        String gatewayStatus = JsonReads.text(body, "/status");
        String normalized = gatewayStatus == null ? "" : gatewayStatus.toUpperCase(Locale.ROOT);
        boolean errorInformation = ErrorBody.hasErrorInformation(body);
        if (errorInformation && gatewayStatus != null && !DECLINE_STATUSES.contains(normalized)) {
            // a success status beside an error (or a status this library does not know): the answer contradicts itself
            return b.outcome(CreditOutcome.UNKNOWN, OutcomeDetail.UNREADABLE_RESPONSE)
                    .responseCode(ErrorBody.reason(body)).responseMessage(ErrorBody.message(body))
                    .reconciliation(ReconciliationAdvice.of(request, gatewayId, requestId, "Cybersource answered status '"
                            + Masking.maskText(gatewayStatus) + "' together with errorInformation, which contradict each other."))
                    .build();
        }
        if (errorInformation || DECLINE_STATUSES.contains(normalized)) {
            ErrorBody.errors(body).forEach(b::addError);
            return b.outcome(CreditOutcome.DECLINED, OutcomeDetail.DECLINED_BY_ISSUER)
                    .responseCode(ErrorBody.reason(body) != null ? ErrorBody.reason(body) : JsonReads.text(body, "/processorInformation/responseCode"))
                    .responseMessage(ErrorBody.message(body))
                    .build();
        }
        b.responseCode(JsonReads.text(body, "/processorInformation/responseCode"));
        JsonReads.Decimal credited = JsonReads.decimal(body, "/creditAmountDetails/creditAmount");
        if (credited.unreadable()) {
            return b.outcome(CreditOutcome.UNKNOWN, OutcomeDetail.UNREADABLE_RESPONSE)
                    .reconciliation(ReconciliationAdvice.of(request, gatewayId, requestId,
                            "Cybersource accepted the credit but its credited amount could not be read."))
                    .build();
        }
        if (credited.value() != null) {
            b.creditedAmount(credited.value(), JsonReads.text(body, "/creditAmountDetails/currency"));
        }
        switch (normalized) {
            case "PENDING":
                return b.outcome(CreditOutcome.PENDING_SETTLEMENT).build();
            case "COMPLETED":
                return b.outcome(CreditOutcome.APPROVED).build();
            default:
                return b.outcome(CreditOutcome.UNKNOWN, OutcomeDetail.GATEWAY_ERROR)
                        .reconciliation(ReconciliationAdvice.of(request, gatewayId, requestId,
                                "Cybersource answered HTTP 2xx with status '" + Masking.maskText(gatewayStatus) + "', which this library does not know."))
                        .build();
        }
    }

    /** Identifiers kept from any parsed answer: ids, status, processor codes, card, tokens, links. */
    private static void keepIdentifiers(CreditRequest request, JsonNode body, CreditResult.Builder b) {
        String id = JsonReads.text(body, "/id");
        b.gatewayTransactionId(id)
                .reconciliationId(JsonReads.text(body, "/reconciliationId"))
                .gatewayStatus(JsonReads.text(body, "/status"))
                .approvalCode(JsonReads.text(body, "/processorInformation/approvalCode"))
                .submittedAt(JsonReads.instant(body, "/submitTimeUtc"))
                .reference("processorResponseCode", JsonReads.text(body, "/processorInformation/responseCode"));
        card(request, body).ifPresent(b::card);
        for (int i = 0; i < TOKENS.length; i++) {
            b.tokenId(TOKENS[i], JsonReads.text(body, TOKEN_POINTERS[i]));
        }
        String voidHref = JsonReads.text(body, "/_links/void/href");
        String selfHref = JsonReads.text(body, "/_links/self/href");
        b.reference("voidHref", voidHref).reference("selfHref", selfHref);
        if (id != null && voidHref != null) {
            b.voidReference(id);
        }
        if (id != null && selfHref != null) {
            b.statusReference(id);
        }
    }

    private static Optional<CardSummary> card(CreditRequest request, JsonNode body) {
        String code = JsonReads.text(body, "/paymentAccountInformation/card/type");
        if (code == null) {
            code = JsonReads.text(body, "/paymentInformation/card/type");
        }
        if (code == null) {
            code = JsonReads.text(body, "/paymentInformation/tokenizedCard/type");
        }
        String lastFour = request.source() instanceof PaymentSource.Card c ? c.lastFour() : null;
        if (code == null && lastFour == null) {
            return Optional.empty();
        }
        CardBrand brand = CardTypes.brandOf(code).orElse(null);
        return Optional.of(new CardSummary(brand, code, lastFour));
    }

    private static CreditResult unreadable(CreditRequest request, CreditResult.Builder b, int status, String requestId) {
        if (status != 400 && HttpStatuses.isRefusal(status)) {
            return b.outcome(CreditOutcome.REJECTED, refusal(status)).build();
        }
        return b.outcome(CreditOutcome.UNKNOWN, OutcomeDetail.UNREADABLE_RESPONSE)
                .responseMessage("unreadable answer (HTTP " + status + ")")
                .reconciliation(ReconciliationAdvice.of(request, null, requestId,
                        "Cybersource answered HTTP " + status + " with a body that could not be read."))
                .build();
    }

    private static OutcomeDetail refusal(int status) {
        return switch (status) {
            case 401 -> OutcomeDetail.AUTHENTICATION_FAILED;
            case 403 -> OutcomeDetail.NOT_PERMITTED;
            case 429 -> OutcomeDetail.RATE_LIMITED;
            case 400 -> OutcomeDetail.INVALID_REQUEST;
            default -> OutcomeDetail.GATEWAY_REFUSED;
        };
    }
}
