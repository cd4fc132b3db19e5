package org.standalonecredit.simulator.commercehub;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.standalonecredit.simulator.Behaviour;
import org.standalonecredit.simulator.Operation;
import org.standalonecredit.simulator.RecordedRequest;
import org.standalonecredit.simulator.Reply;
import org.standalonecredit.simulator.RequestFacts;
import org.standalonecredit.simulator.Router;
import org.standalonecredit.simulator.ScriptDecision;
import org.standalonecredit.simulator.SimJson;

/**
 * {@code POST /payments/v1/transaction-inquiry}: 201 with a JSON array (empty when nothing matches) of the
 * matching transactions' answers with their current {@code transactionState}. Exactly one reference among
 * {@code referenceTransactionId}, {@code referenceClientRequestId}, {@code referenceMerchantTransactionId},
 * {@code referenceOrderId}, {@code referenceMerchantOrderId}.
 */
final class InquiryHandler implements Router.Handler {
    private static final Map<String, Function<CommerceHubTransaction, String>> REFERENCES = new LinkedHashMap<>();

    static {
        REFERENCES.put("referenceTransactionId", tx -> tx.transactionId);
        REFERENCES.put("referenceClientRequestId", tx -> tx.clientRequestId);
        REFERENCES.put("referenceMerchantTransactionId", tx -> tx.merchantTransactionId);
        REFERENCES.put("referenceOrderId", tx -> tx.orderId);
        REFERENCES.put("referenceMerchantOrderId", tx -> tx.merchantOrderId);
    }

    private final CommerceHubSimulator sim;
    private final TransactionStore transactions;
    private final CommerceHubResponses responses;

    InquiryHandler(CommerceHubSimulator sim, TransactionStore transactions, CommerceHubResponses responses) {
        this.sim = sim;
        this.transactions = transactions;
        this.responses = responses;
    }

    @Override
    public Reply handle(RecordedRequest request, Map<String, String> variables) {
        String clientRequestId = request.header("Client-Request-Id");
        ObjectNode body;
        try {
            body = SimJson.parseObject(request.body());
        } catch (SimJson.InvalidJsonException e) {
            return responses.errors(400, clientRequestId, List.of(CommerceHubError.malformedJson()));
        }
        ScriptDecision decision = sim.decide(RequestFacts.of(Operation.LOOKUP, request.pathWithoutQuery()),
                Behaviour.APPROVE);
        if (decision.behaviour().kind() == Behaviour.Kind.ERROR) {
            return responses.forError(decision.behaviour(), clientRequestId);
        }
        Function<CommerceHubTransaction, String> field = null;
        String value = null;
        int given = 0;
        for (Map.Entry<String, Function<CommerceHubTransaction, String>> e : REFERENCES.entrySet()) {
            String v = SimJson.textOrNull(body, "/referenceTransactionDetails/" + e.getKey());
            if (v != null) {
                given++;
                field = e.getValue();
                value = v;
            }
        }
        if (given != 1) {
            return responses.errors(400, clientRequestId, List.of(CommerceHubError.missingOrInvalid("referenceTransactionDetails")));
        }
        Function<CommerceHubTransaction, String> f = field;
        String v = value;
        List<ObjectNode> results;
        synchronized (transactions) {
            results = transactions.matching(tx -> v.equals(f.apply(tx))).stream().map(CommerceHubTransaction::snapshot).toList();
        }
        return responses.inquiry(results).withFault(decision.behaviour(), decision.delay());
    }
}
