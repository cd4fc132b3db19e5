package org.standalonecredit.cybersource;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.standalonecredit.api.CardBrand;
import org.standalonecredit.api.CardSummary;
import org.standalonecredit.api.CreditOutcome;
import org.standalonecredit.api.CreditRequest;
import org.standalonecredit.api.CreditResult;
import org.standalonecredit.api.CreditStatus;
import org.standalonecredit.api.FollowUpOutcome;
import org.standalonecredit.api.GatewayError;
import org.standalonecredit.api.OutcomeDetail;
import org.standalonecredit.api.PaymentSource;
import org.standalonecredit.api.StatusResult;
import org.standalonecredit.api.VoidResult;
import org.standalonecredit.api.privacy.Masking;
import org.standalonecredit.api.transport.InboundResponse;
import org.standalonecredit.api.transport.TransportFailure;
import org.standalonecredit.kit.HttpStatuses;
import org.standalonecredit.kit.json.JsonMasking;
import org.standalonecredit.kit.json.JsonReads;

/**
 * What an answer (or no answer) means as a neutral result: credits, voids and look-ups
 * ([PROTOCOL-SOURCES: Cybersource: answers and errors, follow-ups]). Any body shape gives a typed outcome: what cannot be read after a credit was sent is UNKNOWN, never a
 * guess.
 */
final class CybersourceOutcomes {
    /** Statuses of a 2xx credit answer that mean the credit was not made. */
    private static final Set<String> DECLINE_STATUSES = Set.of("DECLINED", "FAILED", "INVALID_REQUEST", "REJECTED",
            "AUTHORIZED_RISK_DECLINED", "CANCELLED");
    private static final Set<String> TIMEOUT_REASONS = Set.of("SERVER_TIMEOUT", "SERVICE_TIMEOUT");
    static final String DUPLICATE_REASON = "DUPLICATE_REQUEST";
    /** Transaction statuses, as look-ups report them. */
    private static final Set<String> APPROVED = Set.of("COMPLETED", "TRANSMITTED", "SETTLED", "SUCCEEDED");
    private static final Set<String> DECLINED = Set.of("DECLINED", "FAILED", "INVALID_REQUEST", "REJECTED", "AUTHORIZED_RISK_DECLINED");
    private static final Set<String> VOIDED = Set.of("VOIDED", "CANCELLED", "REVERSED");

    private CybersourceOutcomes() {
    }

    // --- credit

    static CreditResult credit(String providerId, CreditRequest request, InboundResponse response, int attempts) {
        int status = response.status();
        String requestId = CybersourceResponses.requestId(response);
        CreditResult.Builder b = CreditResult.builder().providerId(providerId).idempotencyKey(request.idempotencyKey())
                .attempts(attempts).httpStatus(status).maskedResponseBodyOnRead(JsonMasking.lazily(response.body()))
                .reference("correlationId", CybersourceResponses.correlationId(response));
        Optional<CybersourceResponses> parsed = CybersourceResponses.parse(response.body());
        if (parsed.isEmpty()) {
            return unreadable(request, b, status, requestId);
        }
        CybersourceResponses body = parsed.get();
        keepIdentifiers(request, body, b);
        String gatewayId = body.id();
        if (status >= 200 && status < 300) {
            return answered(request, body, b, gatewayId, requestId);
        }
        b.responseCode(body.reason()).responseMessage(body.message());
        body.errors().forEach(b::addError);
        if (status == 400 && DUPLICATE_REASON.equals(body.reason())) {
            return b.outcome(CreditOutcome.UNKNOWN, OutcomeDetail.DUPLICATE_TRANSACTION_ID)
                    .reconciliation(ReconciliationAdvice.duplicate(request, requestId)).build();
        }
        if (status >= 500) {
            String reason = body.reason(); // may be absent: Set.of(...).contains(null) throws
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

    private static CreditResult answered(CreditRequest request, CybersourceResponses body, CreditResult.Builder b, String gatewayId,
                                         String requestId) {
        String gatewayStatus = body.status();
        String normalized = gatewayStatus == null ? "" : gatewayStatus.toUpperCase(Locale.ROOT);
        boolean errorInformation = body.hasErrorInformation();
        if (errorInformation && gatewayStatus != null && !DECLINE_STATUSES.contains(normalized)) {
            // a success status beside an error (or a status this library does not know): the answer contradicts itself
            return b.outcome(CreditOutcome.UNKNOWN, OutcomeDetail.UNREADABLE_RESPONSE)
                    .responseCode(body.reason()).responseMessage(body.message())
                    .reconciliation(ReconciliationAdvice.of(request, gatewayId, requestId, "Cybersource answered status '"
                            + Masking.maskText(gatewayStatus) + "' together with errorInformation, which contradict each other."))
                    .build();
        }
        if (errorInformation || DECLINE_STATUSES.contains(normalized)) {
            body.errors().forEach(b::addError);
            return b.outcome(CreditOutcome.DECLINED, OutcomeDetail.DECLINED_BY_ISSUER)
                    .responseCode(body.reason() != null ? body.reason() : body.processorResponseCode())
                    .responseMessage(body.message())
                    .build();
        }
        b.responseCode(body.processorResponseCode());
        JsonReads.Decimal credited = body.creditAmount();
        if (credited.unreadable()) {
            return b.outcome(CreditOutcome.UNKNOWN, OutcomeDetail.UNREADABLE_RESPONSE)
                    .reconciliation(ReconciliationAdvice.of(request, gatewayId, requestId,
                            "Cybersource accepted the credit but its credited amount could not be read."))
                    .build();
        }
        if (credited.value() != null) {
            b.creditedAmount(credited.value(), body.creditCurrency());
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
    private static void keepIdentifiers(CreditRequest request, CybersourceResponses body, CreditResult.Builder b) {
        String id = body.id();
        b.gatewayTransactionId(id)
                .reconciliationId(body.reconciliationId())
                .gatewayStatus(body.status())
                .approvalCode(body.approvalCode())
                .submittedAt(body.submitTimeUtc())
                .reference("processorResponseCode", body.processorResponseCode());
        card(request, body).ifPresent(b::card);
        for (int i = 0; i < CybersourceResponses.TOKENS.length; i++) {
            b.tokenId(CybersourceResponses.TOKENS[i], body.tokenId(i));
        }
        String voidHref = body.voidHref();
        String selfHref = body.selfHref();
        b.reference("voidHref", voidHref).reference("selfHref", selfHref);
        if (id != null && voidHref != null) {
            b.voidReference(id);
        }
        if (id != null && selfHref != null) {
            b.statusReference(id);
        }
    }

    private static Optional<CardSummary> card(CreditRequest request, CybersourceResponses body) {
        String code = body.cardType();
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

    // --- void

    static VoidResult voided(String providerId, InboundResponse response) {
        int status = response.status();
        String masked = JsonMasking.maskBody(response.body());
        Optional<CybersourceResponses> parsed = CybersourceResponses.parse(response.body());
        if (parsed.isEmpty()) {
            FollowUpOutcome outcome = status == 404 ? FollowUpOutcome.NOT_FOUND
                    : status == 401 || status == 403 ? FollowUpOutcome.REJECTED : FollowUpOutcome.UNKNOWN;
            return new VoidResult(providerId, outcome, null, null, status, List.of(), masked);
        }
        CybersourceResponses body = parsed.get();
        String gatewayStatus = body.status();
        String id = body.id();
        FollowUpOutcome outcome;
        if (status >= 200 && status < 300) {
            String s = gatewayStatus == null ? "" : gatewayStatus.toUpperCase(Locale.ROOT);
            if (body.hasErrorInformation() || s.equals("CANCELLED") || s.equals("FAILED") || s.equals("DECLINED")
                    || s.equals("INVALID_REQUEST")) {
                outcome = FollowUpOutcome.REJECTED;
            } else {
                outcome = s.equals("VOIDED") ? FollowUpOutcome.DONE : FollowUpOutcome.UNKNOWN;
            }
        } else {
            outcome = followUpRefusal(status);
        }
        return new VoidResult(providerId, outcome, outcome == FollowUpOutcome.DONE ? id : null, gatewayStatus, status,
                body.errors(), masked);
    }

    static VoidResult voidNotAnswered(String providerId, TransportFailure failure) {
        return new VoidResult(providerId, notAnswered(failure), null, null, 0, List.of(), "");
    }

    // --- status

    static StatusResult status(String providerId, InboundResponse response, boolean search) {
        int status = response.status();
        String masked = JsonMasking.maskBody(response.body());
        Optional<CybersourceResponses> parsed = CybersourceResponses.parse(response.body());
        List<GatewayError> errors = parsed.map(CybersourceResponses::errors).orElse(List.of());
        if (status >= 200 && status < 300 && parsed.isPresent()) {
            Optional<List<CybersourceResponses>> transactions = search
                    ? parsed.get().transactionSummaries() : Optional.of(List.of(parsed.get()));
            if (transactions.isPresent()) {
                List<CreditStatus> credits = new ArrayList<>();
                transactions.get().forEach(t -> credits.add(transaction(t)));
                return new StatusResult(providerId, FollowUpOutcome.DONE, credits, status, List.of(), masked);
            }
        }
        return new StatusResult(providerId, followUpRefusal(status), List.of(), status, errors, masked);
    }

    static StatusResult statusNotAnswered(String providerId, TransportFailure failure) {
        return new StatusResult(providerId, notAnswered(failure), List.of(), 0, List.of(), "");
    }

    /**
     * One transaction from the Transaction Details or Search API as a neutral {@link CreditStatus}. The outcome
     * comes from the transaction status, else from {@code applicationInformation.rCode} (1 success, 0 declined,
     * -1 error) of the credit application when there is one; a void application or a VOIDED status marks the
     * credit voided.
     */
    static CreditStatus transaction(CybersourceResponses t) {
        String status = t.transactionStatus();
        String word = status == null ? "" : status.toUpperCase(Locale.ROOT);
        List<CybersourceResponses.Application> applications = t.applications();
        boolean voided = VOIDED.contains(word) || voidApplied(applications);
        return new CreditStatus(t.id(), transactionOutcome(t, applications, word), status, t.orderAmount(), t.orderCurrency(),
                t.merchantReference(), t.transactionId(), voided, t.transactionSubmitTime());
    }

    private static CreditOutcome transactionOutcome(CybersourceResponses t, List<CybersourceResponses.Application> applications,
                                                    String word) {
        if (APPROVED.contains(word)) {
            return CreditOutcome.APPROVED;
        }
        if (word.equals("PENDING")) {
            return CreditOutcome.PENDING_SETTLEMENT;
        }
        if (DECLINED.contains(word)) {
            return CreditOutcome.DECLINED;
        }
        String rCode = creditRCode(t, applications);
        if ("1".equals(rCode)) {
            // accepted; a voided credit was necessarily still waiting for settlement
            return CreditOutcome.PENDING_SETTLEMENT;
        }
        if ("0".equals(rCode)) {
            return CreditOutcome.DECLINED;
        }
        if ("-1".equals(rCode)) {
            return CreditOutcome.REJECTED;
        }
        return CreditOutcome.UNKNOWN;
    }

    /** The rCode of the credit application (a name containing "credit"), else the transaction's own. */
    private static String creditRCode(CybersourceResponses t, List<CybersourceResponses.Application> applications) {
        for (CybersourceResponses.Application app : applications) {
            if (app.name() != null && app.name().toLowerCase(Locale.ROOT).contains("credit")) {
                return app.rCode();
            }
        }
        return t.rCode();
    }

    private static boolean voidApplied(List<CybersourceResponses.Application> applications) {
        for (CybersourceResponses.Application app : applications) {
            if (app.name() != null && app.name().toLowerCase(Locale.ROOT).contains("void") && "1".equals(app.rCode())) {
                return true;
            }
        }
        return false;
    }

    /** A follow-up answered with anything but a readable 2xx: not found, refused, or unknown. */
    private static FollowUpOutcome followUpRefusal(int status) {
        if (status == 404) {
            return FollowUpOutcome.NOT_FOUND;
        }
        return status >= 400 && status < 500 ? FollowUpOutcome.REJECTED : FollowUpOutcome.UNKNOWN;
    }

    private static FollowUpOutcome notAnswered(TransportFailure failure) {
        return failure.wasSent() ? FollowUpOutcome.UNKNOWN : FollowUpOutcome.NOT_SENT;
    }
}
