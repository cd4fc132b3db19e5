package org.standalonecredit.simulator.cybersource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.standalonecredit.simulator.Behaviour;
import org.standalonecredit.simulator.CardScheme;
import org.standalonecredit.simulator.LedgerEntry;
import org.standalonecredit.simulator.Operation;
import org.standalonecredit.simulator.PaymentSourceSummary;
import org.standalonecredit.simulator.PaymentSourceSummary.SourceType;
import org.standalonecredit.simulator.RecordedRequest;
import org.standalonecredit.simulator.Reply;
import org.standalonecredit.simulator.RequestFacts;
import org.standalonecredit.simulator.Router;
import org.standalonecredit.simulator.ScriptDecision;
import org.standalonecredit.simulator.SimJson;

import static org.standalonecredit.simulator.cybersource.CreditRequestValidator.pointer;

/**
 * {@code POST /pts/v2/credits}: script decision, validation, duplicate {@code transactionId} check,
 * processing (store + ledger) and the answer.
 */
final class CreditHandler implements Router.Handler {
    private final CybersourceSimulator sim;
    private final CreditStore store;
    private final CybersourceResponses responses;

    CreditHandler(CybersourceSimulator sim, CreditStore store, CybersourceResponses responses) {
        this.sim = sim;
        this.store = store;
        this.responses = responses;
    }

    static RequestFacts facts(Operation op, RecordedRequest request, JsonNode body) {
        JsonNode amount = body.at("/orderInformation/amountDetails/totalAmount");
        BigDecimal value = amount.isNumber() ? amount.decimalValue()
                : amount.isTextual() ? RequestFacts.parseAmount(amount.asText()) : null;
        return new RequestFacts(op, request.pathWithoutQuery(), value,
                SimJson.textOrNull(body, "/orderInformation/amountDetails/currency"),
                SimJson.textOrNull(body, "/clientReferenceInformation/code"),
                SimJson.textOrNull(body, "/clientReferenceInformation/transactionId"));
    }

    @Override
    public Reply handle(RecordedRequest request, Map<String, String> variables) {
        ObjectNode body;
        try {
            body = SimJson.parseObject(request.body());
        } catch (SimJson.InvalidJsonException e) {
            return responses.malformed();
        }
        RequestFacts facts = facts(Operation.CREDIT, request, body);
        ScriptDecision decision = sim.decide(facts, Behaviour.PENDING);
        if (decision.failsBeforeProcessing()) {
            return responses.forError(decision.behaviour());
        }
        List<FieldError> errors = CreditRequestValidator.validate(body, sim.massTransitApplies(body));
        if (!errors.isEmpty()) {
            return responses.invalid(errors);
        }
        Behaviour behaviour = decision.behaviour();
        Instant now = sim.clock().instant();
        StoredCredit credit;
        synchronized (store) {
            String transactionId = facts.clientTransactionId();
            if (transactionId != null && store.transactionIdUsed(transactionId, now)) {
                return responses.duplicate();
            }
            if (!decision.processed() && behaviour.kind() == Behaviour.Kind.TRANSPORT) {
                // lost before the gateway did anything: whatever arrives (late) is a failure
                return responses.serverError().withFault(behaviour, decision.delay());
            }
            StoredCredit.Status status = behaviour == Behaviour.DECLINE ? StoredCredit.Status.DECLINED
                    : behaviour == Behaviour.APPROVE ? StoredCredit.Status.COMPLETED : StoredCredit.Status.PENDING;
            credit = newCredit(request, body, facts, status, now);
            if (decision.processed() || behaviour == Behaviour.DECLINE) {
                store.add(credit, now);
            }
            if (decision.processed()) {
                sim.ledger().record(new LedgerEntry(sim.gateway(), credit.id, credit.amount, credit.currency,
                        credit.code, credit.transactionId, credit.merchantId, credit.source, now, false));
            }
        }
        Reply reply = behaviour.kind() == Behaviour.Kind.ERROR ? responses.forError(behaviour) : responses.credit(credit, decision.echoSkew());
        return reply.withFault(behaviour, decision.delay());
    }

    private StoredCredit newCredit(RecordedRequest request, JsonNode body, RequestFacts facts,
                                   StoredCredit.Status status, Instant now) {
        String customer = SimJson.textOrNull(body, pointer(CreditRequestValidator.CUSTOMER_ID));
        String instrument = SimJson.textOrNull(body, pointer(CreditRequestValidator.PAYMENT_INSTRUMENT_ID));
        String identifier = SimJson.textOrNull(body, pointer(CreditRequestValidator.INSTRUMENT_IDENTIFIER_ID));
        String pan = SimJson.textOrNull(body, pointer(CreditRequestValidator.CARD_NUMBER));
        String month = SimJson.textOrNull(body, pointer(CreditRequestValidator.CARD_MONTH));
        String year = SimJson.textOrNull(body, pointer(CreditRequestValidator.CARD_YEAR));
        String type = SimJson.textOrNull(body, pointer(CreditRequestValidator.CARD_TYPE));
        CardScheme brand = type != null ? CardScheme.fromCybersourceType(type) : CardScheme.detect(pan);
        String cardType = type != null ? type : brand.cybersourceType() != null ? brand.cybersourceType() : "001";
        PaymentSourceSummary source;
        if (pan != null) {
            source = PaymentSourceSummary.card(pan, month, year, false);
        } else if (identifier != null) {
            source = PaymentSourceSummary.token(SourceType.INSTRUMENT_IDENTIFIER, identifier, month, year, brand);
        } else if (instrument != null) {
            source = PaymentSourceSummary.token(SourceType.PAYMENT_INSTRUMENT, instrument, month, year, brand);
        } else {
            source = PaymentSourceSummary.token(SourceType.CUSTOMER_TOKEN, customer, month, year, brand);
        }
        return new StoredCredit(sim.ids().digits(22), sim.ids().upperAlphanumeric(16), now,
                request.header("v-c-merchant-id"), facts.merchantReference(), facts.clientTransactionId(),
                SimJson.textOrNull(body, pointer(CreditRequestValidator.AMOUNT)),
                SimJson.textOrNull(body, pointer(CreditRequestValidator.CURRENCY)), cardType, source,
                new StoredCredit.Source(customer, instrument, identifier, pan != null), status);
    }
}
