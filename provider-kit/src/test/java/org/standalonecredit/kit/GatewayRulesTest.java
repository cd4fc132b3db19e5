package org.standalonecredit.kit;

import org.standalonecredit.api.journal.InMemoryCreditJournal;
import org.standalonecredit.api.spi.GatewayOptions;
import org.standalonecredit.api.spi.ProviderRegistry;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.standalonecredit.api.CardExpiry;
import org.standalonecredit.api.CreditGateway;
import org.standalonecredit.api.CreditOutcome;
import org.standalonecredit.api.CreditRequest;
import org.standalonecredit.api.CreditResult;
import org.standalonecredit.api.InvalidRequestException;
import org.standalonecredit.api.OutcomeDetail;
import org.standalonecredit.api.PaymentSource;
import org.standalonecredit.api.StatusQuery;
import org.standalonecredit.api.UnsupportedFollowUpException;
import org.standalonecredit.api.config.ConfigSource;
import org.standalonecredit.api.observe.ExchangeEvent;
import org.standalonecredit.api.transport.TransportFailure;

class GatewayRulesTest {
    private static final String PAN = "4111111111111111";
    private final FakeTransport transport = new FakeTransport();
    private final List<ExchangeEvent> events = new ArrayList<>();

    private CreditGateway gateway() {
        return ProviderRegistry.load().create(ConfigSource.fromMap(Map.of(
                        "credit.gateway", "sample", "credit.sample.base-url", "http://127.0.0.1:9", "credit.sample.api-key", "key-123")),
                "credit", GatewayOptions.builder().journal(new InMemoryCreditJournal(10_000)).transportFactory(s -> transport).listener(events::add).sleeper(d -> { }).build());
    }

    private static CreditRequest.Builder request() {
        return CreditRequest.builder().amount("10.00", "USD").source(PaymentSource.customerToken("CUST1")).idempotencyKey("k-1");
    }

    @Test
    void anUndeclaredPaymentSourceIsRefusedBeforeAnyHttpCall() {
        InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> gateway().credit(
                request().source(PaymentSource.gatewayToken("tok", "TRANSARMOR", CardExpiry.of(1, 2030))).build()));
        assertTrue(e.hasErrorFor("source"));
        assertTrue(transport.sent.isEmpty());
    }

    @Test
    void theProvidersOwnRulesRunBeforeAnyHttpCall() {
        InvalidRequestException e = assertThrows(InvalidRequestException.class,
                () -> gateway().credit(request().merchantReference("r".repeat(21)).build()));
        assertTrue(e.hasErrorFor("merchantReference"));
        assertTrue(transport.sent.isEmpty());
    }

    @Test
    void anUndeclaredFollowUpIsRefused() {
        assertThrows(UnsupportedFollowUpException.class, () -> gateway().status(StatusQuery.byMerchantReference("r")));
    }

    @Test
    void aSuccessEchoingAnotherAmountIsNotACleanSuccess() {
        transport.answer(201, "approved 100.00 USD");
        CreditResult result = gateway().credit(request().build());
        assertEquals(CreditOutcome.UNKNOWN, result.outcome());
        assertEquals(OutcomeDetail.ECHO_MISMATCH, result.detail());
        assertTrue(result.reconciliation().orElseThrow().advice().contains("100.00"));
    }

    @Test
    void aSuccessEchoingAnotherCurrencyIsNotACleanSuccess() {
        transport.answer(201, "approved 10.00 EUR");
        assertEquals(OutcomeDetail.ECHO_MISMATCH, gateway().credit(request().build()).detail());
    }

    @Test
    void aMatchingEchoIsASuccess() {
        transport.answer(201, "approved 10.00 usd");
        CreditResult result = gateway().credit(request().build());
        assertEquals(CreditOutcome.APPROVED, result.outcome());
        assertEquals("k-1", result.idempotencyKey());
    }

    @Test
    void aNotSentFailureIsRetriedAndASentOneIsNot() {
        transport.fail(TransportFailure.Delivery.NOT_SENT, TransportFailure.Kind.CONNECTION_REFUSED)
                .fail(TransportFailure.Delivery.SENT, TransportFailure.Kind.RESPONSE_TIMEOUT)
                .answer(201, "approved 10.00 USD");
        CreditResult result = gateway().credit(request().merchantReference("ref-1").build());
        assertEquals(CreditOutcome.UNKNOWN, result.outcome());
        assertEquals(OutcomeDetail.NO_RESPONSE, result.detail());
        assertEquals(2, result.attempts());
        assertEquals(2, transport.sent.size(), "the sent request must not be re-posted");
        assertEquals("ref-1", result.reconciliation().orElseThrow().merchantReference());
    }

    @Test
    void aRequestNeverSentEndsAsNotSentAfterTheConfiguredAttempts() {
        for (int i = 0; i < 5; i++) {
            transport.fail(TransportFailure.Delivery.NOT_SENT, TransportFailure.Kind.CONNECTION_REFUSED);
        }
        CreditResult result = gateway().credit(request().build());
        assertEquals(CreditOutcome.NOT_SENT, result.outcome());
        assertEquals(3, result.attempts());
        assertEquals(3, transport.sent.size());
    }

    @Test
    void listenerEventsAreMaskedAndNumbered() {
        transport.answer(201, "approved 10.00 USD");
        gateway().credit(request().source(PaymentSource.card(PAN, CardExpiry.of(12, 2031), "737", null)).build());
        assertEquals(2, events.size());
        assertEquals(ExchangeEvent.Phase.REQUEST, events.get(0).phase());
        assertEquals(1, events.get(0).attempt());
        assertEquals("k-1", events.get(0).idempotencyKey());
        String all = events.toString();
        assertFalse(all.contains("key-123"), "Authorization value leaked: " + all);
        assertFalse(all.contains(PAN));
    }

    @Test
    void closingTheGatewayClosesItsTransport() {
        gateway().close();
        assertTrue(transport.closed);
    }
}
