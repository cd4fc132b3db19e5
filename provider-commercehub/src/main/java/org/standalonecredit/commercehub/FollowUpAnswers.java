package org.standalonecredit.commercehub;

import org.standalonecredit.kit.json.JsonReads;
import org.standalonecredit.kit.json.JsonMasking;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.standalonecredit.api.CreditOutcome;
import org.standalonecredit.api.CreditStatus;
import org.standalonecredit.api.FollowUpOutcome;
import org.standalonecredit.api.GatewayError;
import org.standalonecredit.api.StatusResult;
import org.standalonecredit.api.VoidResult;
import org.standalonecredit.api.privacy.Masking;
import org.standalonecredit.kit.GatewayExchange;
import org.standalonecredit.api.transport.InboundResponse;

/** Turns answers to a cancel or a transaction inquiry into neutral results. */
final class FollowUpAnswers {
    /** "Referenced transaction not found" (764) and "Unable to Cancel: No Transaction Found" (831). */
    static final Set<String> NOT_FOUND_CODES = Set.of("764", "831");
    private static final Set<String> INQUIRY_APPROVED_STATES = union(Verdict.CREDIT_APPROVED_STATES, Verdict.VOIDED_STATES);

    private FollowUpAnswers() {
    }

    static VoidResult voided(GatewayExchange.Exchange last) {
        if (!last.answered()) {
            return new VoidResult(CommerceHubProvider.ID, last.failure().wasSent() ? FollowUpOutcome.UNKNOWN : FollowUpOutcome.NOT_SENT,
                    null, null, 0, List.of(), "");
        }
        InboundResponse response = last.response();
        int status = response.status();
        String masked = JsonMasking.maskBody(response.body());
        Optional<CommerceHubAnswer> answer = JsonReads.parse(CommerceHubProvider.JSON, response.body()).filter(JsonNode::isObject).map(CommerceHubAnswer::new);
        List<GatewayError> errors = answer.map(CommerceHubAnswer::errors).orElse(List.of());
        String voidId = answer.map(CommerceHubAnswer::transactionId).orElse(null);
        String state = answer.map(CommerceHubAnswer::transactionState).orElse(null);
        FollowUpOutcome outcome;
        if (status >= 200 && status < 300) {
            outcome = answer.map(FollowUpAnswers::cancelOutcome).orElse(FollowUpOutcome.UNKNOWN);
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
        Optional<JsonNode> json = JsonReads.parse(CommerceHubProvider.JSON, response.body());
        List<GatewayError> errors = json.map(GatewayErrors::parse).orElse(List.of());
        if (status < 200 || status >= 300) {
            return new StatusResult(CommerceHubProvider.ID, byStatus(status, errors), List.of(), status, errors, masked);
        }
        Optional<List<CommerceHubAnswer>> entries = json.flatMap(FollowUpAnswers::entries);
        if (entries.isEmpty()) {
            return new StatusResult(CommerceHubProvider.ID, FollowUpOutcome.UNKNOWN, List.of(), status, errors, masked);
        }
        List<CreditStatus> credits = entries.get().stream().map(FollowUpAnswers::status).toList();
        return new StatusResult(CommerceHubProvider.ID, FollowUpOutcome.DONE, credits, status, errors, masked);
    }

    /** The transactions of an inquiry answer: a JSON array of them (empty: none), or, leniently, one object. */
    static Optional<List<CommerceHubAnswer>> entries(JsonNode json) {
        List<CommerceHubAnswer> list = new ArrayList<>();
        if (json.isArray()) {
            for (JsonNode e : json) {
                if (!e.isObject()) {
                    return Optional.empty();
                }
                list.add(new CommerceHubAnswer(e));
            }
            return Optional.of(list);
        }
        if (json.isObject() && json.has("gatewayResponse") && GatewayErrors.parse(json).isEmpty()) {
            list.add(new CommerceHubAnswer(json));
            return Optional.of(list);
        }
        return Optional.empty();
    }

    static CreditStatus status(CommerceHubAnswer e) {
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

    private static FollowUpOutcome cancelOutcome(CommerceHubAnswer a) {
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
