package org.standalonecredit.commercehub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.standalonecredit.api.CreditGateway;
import org.standalonecredit.api.CreditResult;
import org.standalonecredit.api.InvalidRequestException;
import org.standalonecredit.api.observe.ExchangeEvent;
import org.standalonecredit.api.transport.Header;
import org.standalonecredit.api.transport.TransportFailure;

/** No card number, security code, API key, secret or signature in events, results, messages or toString. */
class NoLeakTest {
    private static final String CVV = "987";

    @Test
    void nothingSensitiveLeavesTheLibrary() {
        TestGateways env = new TestGateways();
        List<ExchangeEvent> events = new ArrayList<>();
        env.listener = events::add;
        List<String> texts = new ArrayList<>();
        env.transport.answer(201, TestGateways.approved("12.04", "USD").replace("\"last4\":\"0019\"",
                        "\"cardData\":\"" + TestGateways.TEST_PAN + "\",\"securityCode\":\"" + CVV + "\""))
                .answer(400, "{\"error\":[{\"type\":\"GATEWAY\",\"code\":\"100\",\"message\":\"bad " + TestGateways.TEST_PAN + "\"}]}")
                .fail(TransportFailure.Delivery.SENT, TransportFailure.Kind.RESPONSE_TIMEOUT)
                .otherwise(r -> FakeTransport.response(502, "<html>" + TestGateways.TEST_PAN + "</html>"));
        try (CreditGateway gateway = env.gateway()) {
            for (String key : List.of("a-1", "a-2", "a-3")) {
                CreditResult result = gateway.credit(TestGateways.cardCredit("12.04").idempotencyKey(key)
                        .source(org.standalonecredit.api.PaymentSource.card(TestGateways.TEST_PAN,
                                org.standalonecredit.api.CardExpiry.of(2, 2035), CVV, null)).build());
                texts.add(result.toString());
                texts.add(String.valueOf(result.maskedResponseBody().orElse("")));
                texts.add(result.errors().toString());
                texts.add(result.references().toString());
                texts.add(String.valueOf(result.responseMessage().orElse("")));
                result.reconciliation().ifPresent(r -> texts.add(r.toString()));
            }
            texts.add(gateway.toString());
            texts.add(assertThrows(InvalidRequestException.class, () -> gateway.credit(TestGateways.cardCredit("12.04")
                    .merchantReference("a-reference-too-long").build())).getMessage());
        }
        List<String> signatures = env.transport.sent().stream()
                .flatMap(r -> r.headers().stream()).filter(h -> h.name().equals("Authorization")).map(Header::value).toList();
        events.forEach(e -> texts.add(e.toString()));
        assertEquals(5, env.transport.sent().size(), "approved, rejected, and a lost answer re-sent twice");
        for (String text : texts) {
            for (String secret : List.of(TestGateways.TEST_PAN, "\"" + CVV + "\"", TestGateways.API_KEY, TestGateways.API_SECRET)) {
                assertFalse(text.contains(secret), "leaked into: " + text);
            }
            signatures.forEach(s -> assertFalse(text.contains(s), "a signature leaked into: " + text));
        }
    }
}
