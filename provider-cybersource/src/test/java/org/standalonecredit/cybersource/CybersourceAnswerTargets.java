package org.standalonecredit.cybersource;

import org.standalonecredit.testkit.fuzz.FuzzAnswer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.standalonecredit.api.CardExpiry;
import org.standalonecredit.api.CreditException;
import org.standalonecredit.api.CreditGateway;
import org.standalonecredit.api.journal.JournaledCreditGateway;
import org.standalonecredit.api.CreditRequest;
import org.standalonecredit.api.CreditResult;
import org.standalonecredit.api.PaymentSource;
import org.standalonecredit.api.StatusQuery;
import org.standalonecredit.api.StatusResult;
import org.standalonecredit.api.VoidRequest;
import org.standalonecredit.api.VoidResult;
import org.standalonecredit.api.observe.ExchangeEvent;
import org.standalonecredit.api.transport.HttpTransport;
import org.standalonecredit.api.transport.InboundResponse;
import org.standalonecredit.api.transport.OutboundRequest;

/**
 * The parsing surfaces a Cybersource answer reaches, each driven the way an application drives it: the
 * gateway's credit, void and status calls over a transport that answers with the fuzz input. Shared by
 * the Jazzer fuzz tests and the seed-mutating property tests; each call checks {@link AnswerChecks}.
 */
final class CybersourceAnswerTargets {
    static final String PAN = "4111111111111111";
    static final String GATEWAY_ID = "7055967677826132904951";
    static final CreditRequest CREDIT = CreditRequest.builder()
            .amount("10.00", "USD")
            .source(PaymentSource.card(PAN, CardExpiry.of(12, 2031), "123", null))
            .idempotencyKey("fuzz-idempotency-key-1")
            .merchantReference("REF-FUZZ-1")
            .transactionId("T-FUZZ-1")
            .build();

    private final AnswerTransport transport = new AnswerTransport();
    private final List<ExchangeEvent> events = new ArrayList<>();
    /** The provider's own gateway, without the journal: every fuzz input is an answer to the same credit. */
    private final CreditGateway gateway = ((JournaledCreditGateway) TestGateways.create(TestGateways.config("cybersource", Map.of()),
            transport, events)).delegate();

    void credit(byte[] input) {
        FuzzAnswer answer = answer(input, 201);
        CreditResult result;
        try {
            result = gateway.credit(CREDIT);
        } catch (CreditException typed) {
            return;
        }
        AnswerChecks.credit(CREDIT, input, answer, result, events);
    }

    void voidCredit(byte[] input) {
        FuzzAnswer answer = answer(input, 201);
        VoidResult result;
        try {
            result = gateway.voidCredit(VoidRequest.ofCredit(GATEWAY_ID));
        } catch (CreditException typed) {
            return;
        }
        AnswerChecks.voided(input, answer, result, events);
    }

    void details(byte[] input) {
        status(input, 200, StatusQuery.byGatewayTransactionId(GATEWAY_ID));
    }

    void search(byte[] input) {
        status(input, 201, StatusQuery.byTransactionId("T-FUZZ-1"));
    }

    private void status(byte[] input, int usualStatus, StatusQuery query) {
        FuzzAnswer answer = answer(input, usualStatus);
        StatusResult result;
        try {
            result = gateway.status(query);
        } catch (CreditException typed) {
            return;
        }
        AnswerChecks.status(input, answer, result, events);
    }

    private FuzzAnswer answer(byte[] input, int usualStatus) {
        FuzzAnswer answer = FuzzAnswer.parse(input, usualStatus);
        transport.next = answer.response();
        events.clear();
        return answer;
    }

    /** Answers every request with the current fuzz input (a look-up that is answered 5xx asks again). */
    private static final class AnswerTransport implements HttpTransport {
        InboundResponse next;

        @Override
        public InboundResponse execute(OutboundRequest request) {
            return next;
        }

        @Override
        public void close() {
        }
    }
}
