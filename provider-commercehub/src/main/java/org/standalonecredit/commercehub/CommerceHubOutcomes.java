package org.standalonecredit.commercehub;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.standalonecredit.api.CardSummary;
import org.standalonecredit.api.CreditOutcome;
import org.standalonecredit.api.CreditRequest;
import org.standalonecredit.api.CreditResult;
import org.standalonecredit.api.CreditStatus;
import org.standalonecredit.api.FollowUpOutcome;
import org.standalonecredit.api.GatewayError;
import org.standalonecredit.api.OutcomeDetail;
import org.standalonecredit.api.Reconciliation;
import org.standalonecredit.api.StatusResult;
import org.standalonecredit.api.VoidResult;
import org.standalonecredit.api.privacy.Masking;
import org.standalonecredit.api.transport.InboundResponse;
import org.standalonecredit.api.transport.TransportFailure;
import org.standalonecredit.kit.GatewayExchange;
import org.standalonecredit.kit.HttpStatuses;
import org.standalonecredit.kit.json.JsonMasking;
import org.standalonecredit.kit.json.JsonValue;

/**
 * What Commerce Hub answered (or did not answer) as a neutral result: a credit as a {@link CreditResult}, a
 * cancel as a {@link VoidResult}, a transaction inquiry as a {@link StatusResult}.
 */
final class CommerceHubOutcomes {
    /** Error codes saying an earlier request with the same ids exists or is in progress: it may have credited. */
    private static final Set<String> DUPLICATE_CODES = Set.of("136", "613", "757", "759", "816");
    private static final String FRAUD_CODE = "600";

    /** "Referenced transaction not found" (764) and "Unable to Cancel: No Transaction Found" (831). */
    static final Set<String> NOT_FOUND_CODES = Set.of("764", "831");
    private static final Set<String> INQUIRY_APPROVED_STATES = union(Verdict.CREDIT_APPROVED_STATES, Verdict.VOIDED_STATES);

    private CommerceHubOutcomes() {
    }

    static CreditResult answered(CreditRequest request, String clientRequestId, InboundResponse response, int attempts,
                                 Instant submittedAt) {
        int status = response.status();
        Optional<JsonValue> json = CommerceHubResponses.parse(response.body());
        CreditResult.Builder b = base(request, clientRequestId).httpStatus(status).attempts(attempts).submittedAt(submittedAt)
                .maskedResponseBodyOnRead(JsonMasking.lazily(response.body()));
        CommerceHubResponses answer = json.filter(JsonValue::isObject).map(CommerceHubResponses::new).orElse(null);
        if (answer != null) {
            describe(b, answer, clientRequestId);
        }
        if (status >= 200 && status < 300) {
            if (answer == null) {
                return unknown(b.responseMessage("HTTP " + status + " with a body that is not a Commerce Hub transaction"),
                        request, clientRequestId, null, OutcomeDetail.UNREADABLE_RESPONSE);
            }
            return byVerdict(b, request, clientRequestId, answer, Verdict.of(answer, Verdict.CREDIT_APPROVED_STATES));
        }
        if (answer == null || message(answer) == null) {
            b.responseMessage("HTTP " + status);
        }
        String txId = answer == null ? null : answer.transactionId();
        if (status == 400 && answer != null && isDuplicate(answer.errors())) {
            return unknown(b, request, clientRequestId, txId, OutcomeDetail.DUPLICATE_TRANSACTION_ID);
        }
        return switch (status) {
            case 400 -> b.outcome(CreditOutcome.REJECTED, OutcomeDetail.INVALID_REQUEST).build();
            case 401 -> b.outcome(CreditOutcome.REJECTED, OutcomeDetail.AUTHENTICATION_FAILED).build();
            case 403 -> b.outcome(CreditOutcome.REJECTED, OutcomeDetail.NOT_PERMITTED).build();
            case 429 -> b.outcome(CreditOutcome.REJECTED, OutcomeDetail.RATE_LIMITED).build();
            case 408, 504 -> unknown(b, request, clientRequestId, txId, OutcomeDetail.GATEWAY_TIMEOUT);
            default -> HttpStatuses.isRefusal(status)
                    ? b.outcome(CreditOutcome.REJECTED, OutcomeDetail.GATEWAY_REFUSED).build()
                    : unknown(b, request, clientRequestId, txId, OutcomeDetail.GATEWAY_ERROR);
        };
    }

    /** No answer after the last attempt: never left (safe to retry) or unknown (reconcile). */
    static CreditResult noAnswer(CreditRequest request, String clientRequestId, TransportFailure failure, int attempts,
                                 Instant submittedAt) {
        CreditResult.Builder b = base(request, clientRequestId).attempts(attempts).submittedAt(submittedAt);
        if (!failure.wasSent()) {
            return b.outcome(CreditOutcome.NOT_SENT, OutcomeDetail.CONNECTION_FAILED)
                    .responseMessage("not sent: " + failure.kind()).build();
        }
        if (failure.answerUnreadable()) {
            return unknown(b.responseMessage("unreadable answer: " + failure.kind()), request, clientRequestId, null,
                    OutcomeDetail.UNREADABLE_RESPONSE);
        }
        return unknown(b.responseMessage("no answer: " + failure.kind()), request, clientRequestId, null, OutcomeDetail.NO_RESPONSE);
    }

    /** A credit found by transaction inquiry instead of being sent again. */
    static CreditResult fromInquiry(CreditRequest request, String clientRequestId, CommerceHubResponses entry, int httpStatus,
                                    String maskedBody) {
        CreditResult.Builder b = base(request, clientRequestId).httpStatus(httpStatus).attempts(0)
                .maskedResponseBody(maskedBody).reference("resolvedBy", "transaction-inquiry");
        entry.transactionTimestamp().ifPresent(b::submittedAt);
        describe(b, entry, clientRequestId);
        Verdict verdict = Verdict.of(entry, Verdict.CREDIT_APPROVED_STATES);
        if (verdict == Verdict.UNCLEAR && entry.transactionState() != null && Verdict.VOIDED_STATES.contains(entry.transactionState())) {
            return b.outcome(CreditOutcome.REJECTED, OutcomeDetail.GATEWAY_REFUSED)
                    .responseMessage("the credit with this Client-Request-Id was voided").build();
        }
        return byVerdict(b, request, clientRequestId, entry, verdict);
    }

    /** The outcome could not be settled without risking a second credit; nothing was sent. */
    static CreditResult unresolved(CreditRequest request, String clientRequestId, String why) {
        return unknown(base(request, clientRequestId).attempts(0).responseMessage(why), request, clientRequestId, null,
                OutcomeDetail.NO_RESPONSE);
    }

    /** The inquiry before a first send was refused for its credentials (401, 403): nothing was sent. */
    static CreditResult inquiryRefused(CreditRequest request, String clientRequestId, InboundResponse response) {
        int status = response.status();
        return base(request, clientRequestId).attempts(0).httpStatus(status).maskedResponseBodyOnRead(JsonMasking.lazily(response.body()))
                .outcome(CreditOutcome.REJECTED, status == 401 ? OutcomeDetail.AUTHENTICATION_FAILED : OutcomeDetail.NOT_PERMITTED)
                .responseMessage("the transaction inquiry that must precede sending this idempotency key was refused (HTTP "
                        + status + "); nothing was sent")
                .build();
    }

    /** The card could not be encrypted because no key was to be had: nothing was credited. */
    static CreditResult keyUnavailable(CreditRequest request, String clientRequestId, EncryptionKeys.Unavailable u) {
        CreditResult.Builder b = base(request, clientRequestId).attempts(0).httpStatus(u.httpStatus())
                .outcome(u.outcome(), u.detail()).responseMessage(u.getMessage()).maskedResponseBody(u.maskedBody());
        u.errors().forEach(b::addError);
        return b.build();
    }

    static String advice(String idempotencyKey, String clientRequestId) {
        return "Commerce Hub may have credited. Look it up with status(StatusQuery.byIdempotencyKey(\"" + idempotencyKey
                + "\")) (transaction inquiry by Client-Request-Id " + clientRequestId + "), or re-submit the same request with"
                + " the same idempotency key: it carries the same Client-Request-Id, which Commerce Hub deduplicates for"
                + " about 5 minutes, and after that this gateway inquires before sending. Void an unwanted credit with"
                + " voidCredit(VoidRequest.ofCredit(transactionId)).";
    }

    private static CreditResult byVerdict(CreditResult.Builder b, CreditRequest request, String clientRequestId,
                                          CommerceHubResponses answer, Verdict verdict) {
        if ((verdict == Verdict.APPROVED || verdict == Verdict.PENDING) && answer.approvedTotalUnreadable()) {
            return unknown(b.responseMessage("Commerce Hub approved the credit but its approved amount could not be read"),
                    request, clientRequestId, answer.transactionId(), OutcomeDetail.UNREADABLE_RESPONSE);
        }
        return switch (verdict) {
            case APPROVED -> credited(b, answer).outcome(CreditOutcome.APPROVED, OutcomeDetail.NONE).build();
            case PENDING -> credited(b, answer).outcome(CreditOutcome.PENDING_SETTLEMENT, OutcomeDetail.NONE).build();
            case DECLINED -> b.outcome(CreditOutcome.DECLINED, OutcomeDetail.DECLINED_BY_ISSUER).build();
            case INVALID -> b.outcome(CreditOutcome.REJECTED, OutcomeDetail.INVALID_REQUEST).build();
            case UNCLEAR -> unknown(message(answer) != null ? b : b.responseMessage("an answer that neither approves nor declines"),
                    request, clientRequestId, answer.transactionId(), OutcomeDetail.UNREADABLE_RESPONSE);
        };
    }

    private static CreditResult.Builder credited(CreditResult.Builder b, CommerceHubResponses answer) {
        if (answer.approvedTotal() != null) {
            b.creditedAmount(answer.approvedTotal(), answer.approvedCurrency());
        }
        return b;
    }

    private static CreditResult.Builder base(CreditRequest request, String clientRequestId) {
        return CreditResult.builder().providerId(CommerceHubProvider.ID).idempotencyKey(request.idempotencyKey())
                .reference("clientRequestId", clientRequestId);
    }

    /** Everything a readable answer tells, whatever the outcome. */
    private static void describe(CreditResult.Builder b, CommerceHubResponses a, String clientRequestId) {
        String txId = a.transactionId();
        b.gatewayTransactionId(txId).voidReference(txId).statusReference(txId)
                .gatewayStatus(a.transactionState())
                .approvalCode(a.approvalCode())
                .reference("orderId", a.orderId())
                .reference("apiTraceId", a.apiTraceId())
                .reference("transactionType", a.transactionType())
                .reference("approvalStatus", a.approvalStatus())
                .reference("hostResponseCode", a.hostResponseCode())
                .reference("hostResponseMessage", a.hostResponseMessage())
                .reference("schemeTransactionId", a.schemeTransactionId());
        if (a.clientRequestId() != null && !a.clientRequestId().equals(clientRequestId)) {
            b.reference("echoedClientRequestId", a.clientRequestId());
        }
        List<GatewayError> errors = a.errors();
        errors.forEach(b::addError);
        GatewayError first = errors.isEmpty() ? null : errors.get(0);
        b.responseCode(first != null && first.code() != null ? first.code() : a.responseCode());
        b.responseMessage(message(a));
        if (a.cardLast4() != null || a.cardScheme() != null) {
            b.card(new CardSummary(SchemeNames.brand(a.cardScheme()), a.cardScheme(), a.cardLast4()));
        }
    }

    private static CreditResult unknown(CreditResult.Builder b, CreditRequest request, String clientRequestId,
                                        String gatewayTransactionId, OutcomeDetail detail) {
        return b.outcome(CreditOutcome.UNKNOWN, detail)
                .reconciliation(new Reconciliation(request.idempotencyKey(), request.merchantReference().orElse(null),
                        request.transactionId().orElse(null), gatewayTransactionId, clientRequestId,
                        advice(request.idempotencyKey(), clientRequestId)))
                .build();
    }

    /** The message {@link #describe} shows: the first error's, else the processor's. */
    private static String message(CommerceHubResponses a) {
        GatewayError first = a.errors().isEmpty() ? null : a.errors().get(0);
        return first != null && first.message() != null ? first.message() : a.responseMessage();
    }

    private static boolean isDuplicate(List<GatewayError> errors) {
        for (GatewayError e : errors) {
            if (e.code() == null) {
                continue;
            }
            if (DUPLICATE_CODES.contains(e.code())) {
                return true;
            }
            if (FRAUD_CODE.equals(e.code()) && e.message() != null && e.message().toLowerCase(Locale.ROOT).contains("duplicate")) {
                return true;
            }
        }
        return false;
    }

    static VoidResult voided(GatewayExchange.Exchange last) {
        if (!last.answered()) {
            return new VoidResult(CommerceHubProvider.ID, last.failure().wasSent() ? FollowUpOutcome.UNKNOWN : FollowUpOutcome.NOT_SENT,
                    null, null, 0, List.of(), "");
        }
        InboundResponse response = last.response();
        int status = response.status();
        String masked = JsonMasking.maskBody(response.body());
        Optional<CommerceHubResponses> answer = CommerceHubResponses.parse(response.body()).filter(JsonValue::isObject).map(CommerceHubResponses::new);
        List<GatewayError> errors = answer.map(CommerceHubResponses::errors).orElse(List.of());
        String voidId = answer.map(CommerceHubResponses::transactionId).orElse(null);
        String state = answer.map(CommerceHubResponses::transactionState).orElse(null);
        FollowUpOutcome outcome;
        if (status >= 200 && status < 300) {
            outcome = answer.map(CommerceHubOutcomes::cancelOutcome).orElse(FollowUpOutcome.UNKNOWN);
        } else {
            outcome = byStatus(status, errors);
        }
        return new VoidResult(CommerceHubProvider.ID, outcome, voidId, state, status, errors, masked);
    }

    static StatusResult inquired(GatewayExchange.Exchange last) {
        if (!last.answered()) {
            return new StatusResult(CommerceHubProvider.ID, last.failure().wasSent() ? FollowUpOutcome.UNKNOWN : FollowUpOutcome.NOT_SENT,
                    List.of(), 0, List.of(), "");
        }
        InboundResponse response = last.response();
        int status = response.status();
        String masked = JsonMasking.maskBody(response.body());
        Optional<JsonValue> json = CommerceHubResponses.parse(response.body());
        List<GatewayError> errors = json.map(CommerceHubResponses::errorsIn).orElse(List.of());
        if (status < 200 || status >= 300) {
            return new StatusResult(CommerceHubProvider.ID, byStatus(status, errors), List.of(), status, errors, masked);
        }
        Optional<List<CommerceHubResponses>> entries = json.flatMap(CommerceHubOutcomes::entries);
        if (entries.isEmpty()) {
            return new StatusResult(CommerceHubProvider.ID, FollowUpOutcome.UNKNOWN, List.of(), status, errors, masked);
        }
        List<CreditStatus> credits = entries.get().stream().map(CommerceHubOutcomes::status).toList();
        return new StatusResult(CommerceHubProvider.ID, FollowUpOutcome.DONE, credits, status, errors, masked);
    }

    /** The transactions of an inquiry answer: a JSON array of them (empty: none), or, leniently, one object. */
    static Optional<List<CommerceHubResponses>> entries(JsonValue json) {
        List<CommerceHubResponses> list = new ArrayList<>();
        if (json.isArray()) {
            for (JsonValue e : json) {
                if (!e.isObject()) {
                    return Optional.empty();
                }
                list.add(new CommerceHubResponses(e));
            }
            return Optional.of(list);
        }
        if (json.isObject() && json.has("gatewayResponse") && CommerceHubResponses.errorsIn(json).isEmpty()) {
            list.add(new CommerceHubResponses(json));
            return Optional.of(list);
        }
        return Optional.empty();
    }

    static CreditStatus status(CommerceHubResponses e) {
        CreditOutcome outcome = switch (Verdict.of(e, INQUIRY_APPROVED_STATES)) {
            case APPROVED -> CreditOutcome.APPROVED;
            case PENDING -> CreditOutcome.PENDING_SETTLEMENT;
            case DECLINED -> CreditOutcome.DECLINED;
            case INVALID -> CreditOutcome.REJECTED;
            case UNCLEAR -> CreditOutcome.UNKNOWN;
        };
        boolean voided = e.transactionState() != null && Verdict.VOIDED_STATES.contains(e.transactionState());
        boolean approvedAmount = e.approvedTotal() != null;
        return new CreditStatus(e.transactionId(), outcome, e.transactionState(),
                approvedAmount ? e.approvedTotal() : e.requestedTotal(),
                approvedAmount ? e.approvedCurrency() : e.requestedCurrency(),
                e.merchantInvoiceNumber() != null ? e.merchantInvoiceNumber() : e.merchantOrderId(),
                e.merchantTransactionId(), voided, e.transactionTimestamp().orElse(null));
    }

    private static FollowUpOutcome cancelOutcome(CommerceHubResponses a) {
        String state = a.transactionState();
        return switch (Verdict.of(a, Verdict.VOIDED_STATES)) {
            case APPROVED -> FollowUpOutcome.DONE;
            case DECLINED, INVALID -> FollowUpOutcome.REJECTED;
            case PENDING, UNCLEAR -> state != null && Verdict.VOIDED_STATES.contains(state) && a.errors().isEmpty()
                    ? FollowUpOutcome.DONE : FollowUpOutcome.UNKNOWN;
        };
    }

    private static FollowUpOutcome byStatus(int status, List<GatewayError> errors) {
        boolean clientError = status >= 400 && status < 500;
        // an error may have no code: Set.of(...).contains(null) throws
        if (status == 404 || (clientError && errors.stream().anyMatch(e -> e.code() != null && NOT_FOUND_CODES.contains(e.code())))) {
            return FollowUpOutcome.NOT_FOUND;
        }
        if (status == 408 || !clientError) {
            return FollowUpOutcome.UNKNOWN;
        }
        return FollowUpOutcome.REJECTED;
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new HashSet<>(a);
        all.addAll(b);
        return Set.copyOf(all);
    }
}
