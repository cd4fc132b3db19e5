package org.standalonecredit.kit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.standalonecredit.api.observe.CreditListener;
import org.standalonecredit.api.spi.RetryPolicy;
import org.standalonecredit.api.transport.OutboundRequest;
import org.standalonecredit.api.transport.TransportFailure;

/** A re-send that cannot be prepared (signing, encryption) must not throw away the attempt that may have credited. */
class AttemptLoopTest {
    private static final OutboundRequest REQUEST = new OutboundRequest("POST", URI.create("http://127.0.0.1:9/credits"), List.of(), new byte[] {1});

    private static AttemptLoop loop(FakeTransport transport) {
        return new AttemptLoop(new GatewayExchange("sample", transport, CreditListener.NONE, Clock.systemUTC()),
                new RetryPolicy(3, 2, Duration.ofMillis(1)), d -> { }, Duration.ofSeconds(10));
    }

    private static Supplier<OutboundRequest> failingFrom(int call, AtomicInteger calls) {
        return () -> {
            if (calls.incrementAndGet() >= call) {
                throw new IllegalStateException("signing failed");
            }
            return REQUEST;
        };
    }

    @Test
    void aResendThatCannotBePreparedAfterASentAttemptEndsWithTheEarlierAttemptStillCounted() {
        FakeTransport transport = new FakeTransport().fail(TransportFailure.Delivery.SENT, TransportFailure.Kind.CONNECTION_LOST);
        AttemptLoop.Outcome outcome = loop(transport).run("credit", "k", failingFrom(2, new AtomicInteger()), true, r -> false);

        assertTrue(outcome.sentBeforeLast(), "the first attempt may have credited");
        assertFalse(outcome.last().answered());
        assertEquals(TransportFailure.Delivery.NOT_SENT, outcome.last().failure().delivery());
        assertEquals(2, outcome.attempts());
        assertEquals(1, transport.sent.size());
    }

    @Test
    void aFirstAttemptThatCannotBePreparedThrowsBecauseNothingWasSent() {
        FakeTransport transport = new FakeTransport();
        assertThrows(IllegalStateException.class, () -> loop(transport).run("credit", "k", failingFrom(1, new AtomicInteger()), true, r -> false));
        assertTrue(transport.sent.isEmpty());
    }
}
