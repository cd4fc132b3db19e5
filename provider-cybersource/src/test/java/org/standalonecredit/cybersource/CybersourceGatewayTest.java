package org.standalonecredit.cybersource;

import org.standalonecredit.api.journal.InMemoryCreditJournal;
import org.standalonecredit.testkit.fakes.ScriptedTransport;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.standalonecredit.api.CardBrand;
import org.standalonecredit.api.CardExpiry;
import org.standalonecredit.api.CreditGateway;
import org.standalonecredit.api.CreditOutcome;
import org.standalonecredit.api.CreditRequest;
import org.standalonecredit.api.CreditResult;
import org.standalonecredit.api.InvalidRequestException;
import org.standalonecredit.api.OutcomeDetail;
import org.standalonecredit.api.PaymentSource;
import org.standalonecredit.api.config.ConfigSource;
import org.standalonecredit.api.observe.ExchangeEvent;
import org.standalonecredit.api.spi.GatewayOptions;
import org.standalonecredit.api.spi.ProviderRegistry;
import org.standalonecredit.api.transport.TransportFailure;

class CybersourceGatewayTest {
    private static final String PAN = "4111111111111111";
    private static final String PENDING = "{\"id\":\"1\",\"status\":\"PENDING\",\"creditAmountDetails\":{\"creditAmount\":\"10.00\",\"currency\":\"USD\"}}";
    private final ScriptedTransport transport = new ScriptedTransport();
    private final List<ExchangeEvent> events = new ArrayList<>();

    private CreditGateway gateway(Map<String, String> extra) {
        return TestGateways.create(TestGateways.httpSignatureConfig("cybersource", extra), transport, events);
    }

    private static CreditRequest.Builder request() {
        return CreditRequest.builder().amount("10.00", "USD").idempotencyKey("k-1").merchantReference("REF-1")
                .source(PaymentSource.customerToken("CUST1"));
    }

    @Test
    void postsASignedJsonCreditToTheTestHostByDefault() {
        transport.answer(201, PENDING);
        try (CreditGateway gateway = gateway(Map.of())) {
            gateway.credit(request().build());
        }
        assertEquals("https://apitest.cybersource.com/pts/v2/credits", transport.last().uri().toString());
        assertEquals("POST", transport.last().method());
        assertEquals("apitest.cybersource.com", transport.header(0, "Host"));
        assertEquals("Sun, 22 Nov 2026 12:02:31 GMT", transport.header(0, "Date"), "the Date comes from the injected clock");
        assertEquals(CybersourceSigner.digest(transport.last().body()), transport.header(0, "Digest"));
        assertEquals("testmerchant", transport.header(0, "v-c-merchant-id"));
        assertEquals("application/json;charset=utf-8", transport.header(0, "Content-Type"));
        assertEquals("application/hal+json;charset=utf-8", transport.header(0, "Accept"));
        String expected = new CybersourceSigner(TestGateways.MERCHANT_ID, TestGateways.KEY_ID,
                java.util.Base64.getDecoder().decode(TestGateways.SECRET))
                .signatureHeader("POST", "apitest.cybersource.com", "/pts/v2/credits", "Sun, 22 Nov 2026 12:02:31 GMT",
                        transport.header(0, "Digest"));
        assertEquals(expected, transport.header(0, "Signature"));
    }

    @Test
    void aBaseUrlOverrideIsSignedWithItsHostAndPort() {
        transport.answer(201, PENDING);
        try (CreditGateway gateway = gateway(Map.of("credit.cybersource.base-url", "http://127.0.0.1:8089/"))) {
            gateway.credit(request().build());
        }
        assertEquals("http://127.0.0.1:8089/pts/v2/credits", transport.last().uri().toString());
        assertEquals("127.0.0.1:8089", transport.header(0, "Host"));
        assertTrue(transport.header(0, "Signature").contains("headers=\"host date request-target digest v-c-merchant-id\""));
    }

    @Test
    void aRequestThatNeverLeftIsRetriedWithTheSameBodyAndAFreshSignature() {
        AtomicReference<Instant> now = new AtomicReference<>(TestGateways.NOW);
        java.time.Clock ticking = new java.time.Clock() {
            @Override public ZoneOffset getZone() { return ZoneOffset.UTC; }
            @Override public java.time.Clock withZone(java.time.ZoneId zone) { return this; }
            @Override public Instant instant() { return now.getAndUpdate(i -> i.plusSeconds(1)); }
        };
        transport.fail(TransportFailure.Delivery.NOT_SENT, TransportFailure.Kind.CONNECTION_REFUSED).answer(201, PENDING);
        CreditResult result;
        try (CreditGateway gateway = ProviderRegistry.load().create(ConfigSource.fromMap(TestGateways.httpSignatureConfig("cybersource", Map.of())),
                "credit", GatewayOptions.builder().journal(new InMemoryCreditJournal(10_000)).clock(ticking).transportFactory(s -> transport).sleeper(d -> { }).build())) {
            result = gateway.credit(request().build());
        }
        assertEquals(CreditOutcome.PENDING_SETTLEMENT, result.outcome());
        assertEquals(2, result.attempts());
        assertArrayEquals(transport.sent.get(0).body(), transport.sent.get(1).body());
        assertNotEquals(transport.header(0, "Date"), transport.header(1, "Date"));
        assertNotEquals(transport.header(0, "Signature"), transport.header(1, "Signature"));
    }

    @Test
    void aRefusedConnectionIsNotSentAfterTheConfiguredAttempts() {
        for (int i = 0; i < 3; i++) {
            transport.fail(TransportFailure.Delivery.NOT_SENT, TransportFailure.Kind.CONNECTION_REFUSED);
        }
        CreditResult result;
        try (CreditGateway gateway = gateway(Map.of("credit.retry.max-attempts", "3"))) {
            result = gateway.credit(request().build());
        }
        assertEquals(CreditOutcome.NOT_SENT, result.outcome());
        assertEquals(3, result.attempts());
        assertEquals(3, transport.sent.size());
    }

    @Test
    void aLostAnswerIsNeverResentAndTellsHowToTimeoutVoid() {
        transport.fail(TransportFailure.Delivery.SENT, TransportFailure.Kind.RESPONSE_TIMEOUT);
        CreditResult result;
        try (CreditGateway gateway = gateway(Map.of("credit.retry.max-resends-after-sent", "5"))) {
            result = gateway.credit(request().transactionId("T-7").build());
        }
        assertEquals(CreditOutcome.UNKNOWN, result.outcome());
        assertEquals(OutcomeDetail.NO_RESPONSE, result.detail());
        assertEquals(1, transport.sent.size(), "Cybersource does not deduplicate: a sent credit is never re-posted");
        assertEquals("T-7", result.reconciliation().orElseThrow().transactionId());
        assertEquals("REF-1", result.reconciliation().get().merchantReference());
        assertEquals("k-1", result.reconciliation().get().idempotencyKey());
        assertTrue(result.reconciliation().get().advice().contains("VoidRequest.timeout(\"T-7\")"));
    }

    @Test
    void withoutATransactionIdTheAdviceIsToSearchByMerchantReference() {
        transport.fail(TransportFailure.Delivery.SENT, TransportFailure.Kind.CONNECTION_LOST);
        CreditResult result;
        try (CreditGateway gateway = gateway(Map.of())) {
            result = gateway.credit(request().build());
        }
        assertEquals(CreditOutcome.UNKNOWN, result.outcome());
        assertNull(result.reconciliation().orElseThrow().transactionId());
        assertTrue(result.reconciliation().get().advice().contains("search by merchant reference"));
        assertTrue(result.reconciliation().get().advice().contains("StatusQuery.byMerchantReference(\"REF-1\")"));
    }

    @Test
    void aTransactionIdLongerThan30CharactersIsRefusedBeforeSending() {
        try (CreditGateway gateway = gateway(Map.of())) {
            InvalidRequestException e = assertThrows(InvalidRequestException.class,
                    () -> gateway.credit(request().transactionId("t".repeat(31)).build()));
            assertTrue(e.hasErrorFor("transactionId"));
        }
        assertTrue(transport.sent.isEmpty());
    }

    @Test
    void aGatewayTokenIsRefusedBeforeSending() {
        try (CreditGateway gateway = gateway(Map.of())) {
            InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> gateway.credit(
                    request().source(PaymentSource.gatewayToken("1234560000000019", "TRANSARMOR", CardExpiry.of(1, 2030))).build()));
            assertTrue(e.hasErrorFor("source"));
        }
        assertTrue(transport.sent.isEmpty());
    }

    @Test
    void aBrandWithoutACybersourceCodeIsRefusedBeforeSending() {
        try (CreditGateway gateway = gateway(Map.of())) {
            InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> gateway.credit(
                    request().source(PaymentSource.instrumentIdentifier("II1", CardExpiry.of(1, 2030), CardBrand.JAYWAN)).build()));
            assertTrue(e.hasErrorFor("source.brand"));
        }
        assertTrue(transport.sent.isEmpty());
    }

    @Test
    void listenerEventsAndResultsCarryNoCardNumberSecurityCodeOrSignature() {
        transport.answer(201, "{\"id\":\"1\",\"status\":\"PENDING\",\"paymentInformation\":{\"card\":{\"number\":\"" + PAN + "\"}},"
                + "\"creditAmountDetails\":{\"creditAmount\":\"10.00\",\"currency\":\"USD\"}}");
        CreditResult result;
        try (CreditGateway gateway = gateway(Map.of())) {
            result = gateway.credit(request().source(PaymentSource.card(PAN, CardExpiry.of(12, 2031), "987", CardBrand.VISA)).build());
        }
        String signature = transport.header(0, "Signature");
        String everything = events + " " + result + " " + result.maskedResponseBody().orElse("") + " " + result.card();
        assertFalse(everything.contains(PAN));
        assertFalse(everything.contains("\"987\""));
        assertFalse(everything.contains(signature.substring(signature.indexOf("signature=\""))));
        assertFalse(everything.contains(TestGateways.SECRET));
    }

    @Test
    void closingTheGatewayClosesItsTransport() {
        gateway(Map.of()).close();
        assertTrue(transport.closed);
    }

    @Test
    void theDeadlineBoundsRetries() {
        transport.fail(TransportFailure.Delivery.NOT_SENT, TransportFailure.Kind.CONNECT_TIMEOUT);
        CreditResult result;
        try (CreditGateway gateway = gateway(Map.of("credit.retry.backoff", "1m", "credit.http.deadline", "30s"))) {
            result = gateway.credit(request().build());
        }
        assertEquals(CreditOutcome.NOT_SENT, result.outcome());
        assertEquals(1, transport.sent.size(), "a pause beyond the deadline is not taken: " + Duration.ofMinutes(1));
    }
}
