package org.standalonecredit.simulator.commercehub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.standalonecredit.simulator.Behaviour;
import org.standalonecredit.simulator.Operation;
import org.standalonecredit.simulator.RecordedRequest;
import org.standalonecredit.simulator.Reply;
import org.standalonecredit.simulator.RequestFacts;
import org.standalonecredit.simulator.Router;
import org.standalonecredit.simulator.ScriptDecision;
import org.standalonecredit.simulator.SimJson;

/**
 * {@code POST /payments/v1/cancels}: voids a credit found by {@code referenceTransactionId} or
 * {@code referenceMerchantTransactionId} (exactly one). Not found: 400 code 831; already voided or declined:
 * 400 code 833. Partial cancels ({@code amount}) are not simulated: the whole credit is voided.
 */
final class CancelHandler implements Router.Handler, IdempotentFlow.Processor {
    private static final Set<String> REASONS = Set.of("VOID", "TIMEOUT", "SUSPECTED_FRAUD", "CARD_OVERRIDE");

    private final CommerceHubSimulator sim;
    private final IdempotentFlow flow;
    private final TransactionStore transactions;
    private final CommerceHubResponses responses;

    CancelHandler(CommerceHubSimulator sim, IdempotentFlow flow, TransactionStore transactions,
                  CommerceHubResponses responses) {
        this.sim = sim;
        this.flow = flow;
        this.transactions = transactions;
        this.responses = responses;
    }

    @Override
    public Reply handle(RecordedRequest request, Map<String, String> variables) {
        return flow.run(request, body -> new RequestFacts(Operation.VOID, request.pathWithoutQuery(), null, null,
                SimJson.textOrNull(body, "/referenceTransactionDetails/referenceMerchantTransactionId"),
                request.header("Client-Request-Id")), this);
    }

    @Override
    public IdempotentFlow.Outcome process(ObjectNode body, String clientRequestId, ScriptDecision decision)
            throws CommerceHubRejection {
        String byId = SimJson.textOrNull(body, "/referenceTransactionDetails/referenceTransactionId");
        String byMerchantId = SimJson.textOrNull(body, "/referenceTransactionDetails/referenceMerchantTransactionId");
        List<CommerceHubError> errors = new ArrayList<>();
        if ((byId == null) == (byMerchantId == null)) {
            errors.add(CommerceHubError.missingOrInvalid("referenceTransactionDetails"));
        }
        JsonNode reason = body.at("/transactionDetails/reversalReasonCode");
        if (!reason.isMissingNode() && !REASONS.contains(reason.asText())) {
            errors.add(CommerceHubError.missingOrInvalid("transactionDetails.reversalReasonCode"));
        }
        if (SimJson.textOrNull(body, "/merchantDetails/merchantId") == null) {
            errors.add(CommerceHubError.missingOrInvalid("merchantDetails.merchantId"));
        }
        if (!errors.isEmpty()) {
            throw new CommerceHubRejection(errors);
        }
        synchronized (transactions) {
            Optional<CommerceHubTransaction> found = byId != null
                    ? transactions.latestCredit(tx -> byId.equals(tx.transactionId))
                    : transactions.latestCredit(tx -> byMerchantId.equals(tx.merchantTransactionId));
            if (found.isEmpty()) {
                throw new CommerceHubRejection(CommerceHubError.cancelNotFound());
            }
            CommerceHubTransaction original = found.get();
            if (!original.cancellable()) {
                throw new CommerceHubRejection(CommerceHubError.cancelWrongState());
            }
            if (!decision.processed() && decision.behaviour().kind() == Behaviour.Kind.TRANSPORT) {
                return new IdempotentFlow.Outcome(responses.serverError(clientRequestId), false);
            }
            String apiTraceId = responses.apiTraceId();
            ObjectNode answer = responses.cancel(original, apiTraceId, apiTraceId, clientRequestId, body);
            if (decision.processed()) {
                original.state = "VOIDED";
                sim.ledger().markVoided(original.transactionId);
                transactions.add(new CommerceHubTransaction(apiTraceId, original.orderId, clientRequestId, null, null,
                        "CANCEL", "VOIDED", answer));
            }
            return new IdempotentFlow.Outcome(Reply.json(201, CommerceHubResponses.JSON, answer), decision.processed());
        }
    }
}
