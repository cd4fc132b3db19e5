package org.standalonecredit.simulator.commercehub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.Map;
import org.standalonecredit.simulator.Behaviour;
import org.standalonecredit.simulator.LedgerEntry;
import org.standalonecredit.simulator.Operation;
import org.standalonecredit.simulator.RecordedRequest;
import org.standalonecredit.simulator.Reply;
import org.standalonecredit.simulator.RequestFacts;
import org.standalonecredit.simulator.Router;
import org.standalonecredit.simulator.ScriptDecision;
import org.standalonecredit.simulator.SimJson;

/**
 * {@code POST /payments/v1/credits} ({@code transactionType:"CREDIT"}) and {@code POST /payments/v1/refunds}
 * without a reference ({@code transactionType:"REFUND"}).
 */
final class CreditHandler implements Router.Handler, IdempotentFlow.Processor {
    private final CommerceHubSimulator sim;
    private final IdempotentFlow flow;
    private final TransactionStore transactions;
    private final CommerceHubResponses responses;
    private final String transactionType;

    CreditHandler(CommerceHubSimulator sim, IdempotentFlow flow, TransactionStore transactions,
                  CommerceHubResponses responses, String transactionType) {
        this.sim = sim;
        this.flow = flow;
        this.transactions = transactions;
        this.responses = responses;
        this.transactionType = transactionType;
    }

    static String merchantReference(JsonNode body) {
        String ref = SimJson.textOrNull(body, "/transactionDetails/merchantTransactionId");
        if (ref == null) {
            ref = SimJson.textOrNull(body, "/transactionDetails/merchantOrderId");
        }
        return ref != null ? ref : SimJson.textOrNull(body, "/transactionDetails/merchantInvoiceNumber");
    }

    @Override
    public Reply handle(RecordedRequest request, Map<String, String> variables) {
        return flow.run(request, body -> facts(request, body), this);
    }

    private static RequestFacts facts(RecordedRequest request, JsonNode body) {
        JsonNode total = body.at("/amount/total");
        BigDecimal amount = total.isNumber() ? total.decimalValue()
                : total.isTextual() ? RequestFacts.parseAmount(total.asText()) : null;
        return new RequestFacts(Operation.CREDIT, request.pathWithoutQuery(), amount,
                SimJson.textOrNull(body, "/amount/currency"), merchantReference(body),
                request.header("Client-Request-Id"));
    }

    @Override
    public IdempotentFlow.Outcome process(ObjectNode body, String clientRequestId, ScriptDecision decision)
            throws CommerceHubRejection {
        CreditRequestReader.ParsedCredit credit = CreditRequestReader.read(body, sim.isProduction(), sim.encryptionKey());
        Behaviour behaviour = decision.behaviour();
        if (!decision.processed() && behaviour.kind() == Behaviour.Kind.TRANSPORT) {
            return new IdempotentFlow.Outcome(responses.serverError(clientRequestId), false);
        }
        String state = behaviour == Behaviour.DECLINE ? "DECLINED"
                : behaviour == Behaviour.PENDING ? "PENDING" : sim.approvedTransactionState();
        String apiTraceId = responses.apiTraceId();
        String transactionId = apiTraceId;
        String orderId = "RKOrdID-" + sim.ids().digits(12);
        ObjectNode answer = responses.credit(transactionType, state, transactionId, orderId, apiTraceId,
                clientRequestId, body, credit);
        if (decision.echoSkew() != null && answer.at("/paymentReceipt/approvedAmount").isObject()) {
            ObjectNode approved = (ObjectNode) answer.at("/paymentReceipt/approvedAmount");
            approved.put("total", approved.get("total").decimalValue().add(decision.echoSkew()));
        }
        boolean known = decision.processed() || behaviour == Behaviour.DECLINE;
        if (known) {
            transactions.add(new CommerceHubTransaction(transactionId, orderId, clientRequestId,
                    SimJson.textOrNull(body, "/transactionDetails/merchantTransactionId"),
                    SimJson.textOrNull(body, "/transactionDetails/merchantOrderId"), transactionType, state, answer));
        }
        if (decision.processed()) {
            sim.ledger().record(new LedgerEntry(sim.gateway(), transactionId, credit.total(), credit.currency(),
                    merchantReference(body), clientRequestId, credit.merchantId(), credit.summary(),
                    sim.clock().instant(), false));
        }
        return new IdempotentFlow.Outcome(Reply.json(201, CommerceHubResponses.JSON, answer), known);
    }
}
