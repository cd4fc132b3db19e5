package org.standalonecredit.kit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.standalonecredit.api.observe.CreditListener;
import org.standalonecredit.api.observe.ExchangeEvent;
import org.standalonecredit.api.transport.Header;
import org.standalonecredit.api.transport.OutboundRequest;

/** What a listener gets of an exchange: masked content when it reads content, none when it says it does not. */
class GatewayExchangeEventsTest {
    private static final OutboundRequest REQUEST = new OutboundRequest("POST", URI.create("http://127.0.0.1:9/credits"),
            List.of(new Header("Authorization", "Bearer secret-token")),
            "{\"number\":\"4111111111111111\",\"amount\":\"10.00\"}".getBytes(StandardCharsets.UTF_8));

    private static List<ExchangeEvent> send(boolean readsContent) {
        List<ExchangeEvent> events = new ArrayList<>();
        CreditListener listener = new CreditListener() {
            @Override
            public void onEvent(ExchangeEvent event) {
                events.add(event);
            }

            @Override
            public boolean readsExchangeContent() {
                return readsContent;
            }
        };
        new GatewayExchange("sample", new FakeTransport().answer(201, "{\"id\":\"1\"}"), listener, Clock.systemUTC())
                .send("credit", REQUEST, "k-1", 1);
        return events;
    }

    @Test
    void aListenerReadingContentGetsMaskedHeadersAndBodies() {
        List<ExchangeEvent> events = send(true);
        assertEquals(2, events.size());
        assertTrue(events.get(0).maskedBody().contains("411111******1111"), events.get(0).maskedBody());
        assertEquals(1, events.get(0).maskedHeaders().size());
        assertEquals("{\"id\":\"1\"}", events.get(1).maskedBody());
    }

    @Test
    void aListenerNotReadingContentGetsTheExchangeWithoutHeadersOrBodies() {
        List<ExchangeEvent> events = send(false);
        assertEquals(2, events.size());
        for (ExchangeEvent event : events) {
            assertEquals("", event.maskedBody());
            assertTrue(event.maskedHeaders().isEmpty());
            assertEquals("credit", event.operation());
            assertEquals(1, event.attempt());
        }
        assertEquals(201, events.get(1).status());
    }

    @Test
    void aListenerFailingWithALinkageErrorAfterTheAnswerDoesNotHideTheAnswer() {
        CreditListener failing = event -> {
            throw new NoSuchMethodError("io.micrometer.core.instrument.Timer.record");
        };
        GatewayExchange.Exchange ex = new GatewayExchange("sample", new FakeTransport().answer(201, "{\"id\":\"1\"}"), failing,
                Clock.systemUTC()).send("credit", REQUEST, "k-1", 1);
        assertTrue(ex.answered());
        assertEquals(201, ex.response().status());
    }

    @Test
    void aTransportFailingWithAnErrorMayHaveSentTheRequest() {
        org.standalonecredit.api.transport.HttpTransport failing = new org.standalonecredit.api.transport.HttpTransport() {
            @Override
            public org.standalonecredit.api.transport.InboundResponse execute(OutboundRequest request) {
                throw new AssertionError("a third-party transport's assertion, after writing the request");
            }

            @Override
            public void close() {
            }
        };
        GatewayExchange.Exchange ex = new GatewayExchange("sample", failing, CreditListener.NONE, Clock.systemUTC())
                .send("credit", REQUEST, "k-1", 1);
        assertTrue(!ex.answered() && ex.failure().wasSent(), "treated as possibly sent, never as a thrown error");
    }
}
