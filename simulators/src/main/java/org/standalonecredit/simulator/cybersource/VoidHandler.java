package org.standalonecredit.simulator.cybersource;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.standalonecredit.simulator.Behaviour;
import org.standalonecredit.simulator.Operation;
import org.standalonecredit.simulator.RecordedRequest;
import org.standalonecredit.simulator.Reply;
import org.standalonecredit.simulator.RequestFacts;
import org.standalonecredit.simulator.Router;
import org.standalonecredit.simulator.ScriptDecision;
import org.standalonecredit.simulator.SimJson;

/**
 * {@code POST /pts/v2/credits/{id}/voids} (void by id) and {@code POST /pts/v2/voids} (timeout void by
 * {@code clientReferenceInformation.transactionId}).
 *
 * <p>Unknown id: 404 {@code {"errors":[{"type":"notFound",…}]}}. Already voided or declined: 400
 * {@code NOT_VOIDABLE}. Timeout void with no credit carrying the transactionId: 400 {@code INVALID_DATA}.
 */
final class VoidHandler implements Router.Handler {
    private final CybersourceSimulator sim;
    private final CreditStore store;
    private final CybersourceResponses responses;
    private final boolean byTransactionId;

    VoidHandler(CybersourceSimulator sim, CreditStore store, CybersourceResponses responses, boolean byTransactionId) {
        this.sim = sim;
        this.store = store;
        this.responses = responses;
        this.byTransactionId = byTransactionId;
    }

    @Override
    public Reply handle(RecordedRequest request, Map<String, String> variables) {
        ObjectNode body;
        try {
            body = SimJson.parseObject(request.body());
        } catch (SimJson.InvalidJsonException e) {
            return responses.malformed();
        }
        RequestFacts facts = CreditHandler.facts(Operation.VOID, request, body);
        ScriptDecision decision = sim.decide(facts, Behaviour.PENDING);
        if (decision.failsBeforeProcessing()) {
            return responses.forError(decision.behaviour());
        }
        String transactionId = facts.clientTransactionId();
        if (byTransactionId && transactionId == null) {
            return responses.invalid(List.of(FieldError.missing(CreditRequestValidator.TRANSACTION_ID)));
        }
        Behaviour behaviour = decision.behaviour();
        StoredCredit credit;
        String voidId = sim.ids().digits(22);
        synchronized (store) {
            Optional<StoredCredit> found = byTransactionId
                    ? store.byTransactionId(transactionId) : store.byId(variables.get("id"));
            if (found.isEmpty()) {
                return byTransactionId
                        ? responses.invalid(List.of(FieldError.invalid(CreditRequestValidator.TRANSACTION_ID)))
                        : responses.notFound("The requested resource does not exist");
            }
            credit = found.get();
            if (!credit.voidable()) {
                return responses.notVoidable();
            }
            if (!decision.processed() && behaviour.kind() == Behaviour.Kind.TRANSPORT) {
                return responses.serverError().withFault(behaviour, decision.delay());
            }
            if (decision.processed()) {
                credit.status = StoredCredit.Status.VOIDED;
                credit.voidId = voidId;
                sim.ledger().markVoided(credit.id);
            }
        }
        Reply reply = behaviour.kind() == Behaviour.Kind.ERROR ? responses.forError(behaviour)
                : responses.voided(credit, voidId, facts.merchantReference());
        return reply.withFault(behaviour, decision.delay());
    }
}
