package org.standalonecredit.kit;

import org.standalonecredit.api.journal.InMemoryCreditJournal;
import org.standalonecredit.api.spi.GatewayOptions;
import org.standalonecredit.api.spi.ProviderRegistry;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.standalonecredit.api.CreditGateway;
import org.standalonecredit.api.CreditOutcome;
import org.standalonecredit.api.CreditRequest;
import org.standalonecredit.api.CreditResult;
import org.standalonecredit.api.GatewayClosedException;
import org.standalonecredit.api.PaymentSource;
import org.standalonecredit.api.VoidRequest;
import org.standalonecredit.api.config.ConfigSource;
import org.standalonecredit.api.transport.HttpTransport;
import org.standalonecredit.api.transport.InboundResponse;
import org.standalonecredit.api.transport.OutboundRequest;
import org.standalonecredit.api.transport.TransportFailure;

/** Closing a gateway: new calls are refused before sending, calls under way end with a result, never an exception. */
class GatewayLifecycleTest {
    private static final CreditRequest REQUEST = CreditRequest.builder().amount("10.00", "USD")
            .source(PaymentSource.customerToken("CUST1")).idempotencyKey("k-1").build();

    private static CreditGateway gateway(HttpTransport transport, String deadline) {
        return ProviderRegistry.load().create(ConfigSource.fromMap(Map.of(
                        "credit.gateway", "sample", "credit.sample.base-url", "http://127.0.0.1:9", "credit.sample.api-key", "key-123",
                        "credit.http.deadline", deadline)),
                "credit", GatewayOptions.builder().journal(new InMemoryCreditJournal(10_000)).transportFactory(s -> transport).sleeper(d -> { }).build());
    }

    @Test
    void aCallAfterCloseIsRefusedWithATypedExceptionAndNothingIsSent() {
        FakeTransport transport = new FakeTransport();
        CreditGateway gateway = gateway(transport, "60s");
        gateway.close();
        GatewayClosedException e = assertThrows(GatewayClosedException.class, () -> gateway.credit(REQUEST));
        assertTrue(e.getMessage().contains("nothing was sent"), e.getMessage());
        assertThrows(GatewayClosedException.class, () -> gateway.voidCredit(VoidRequest.ofCredit("tx-1")));
        assertTrue(transport.sent.isEmpty());
        assertTrue(transport.closed);
        gateway.close(); // a second close does nothing
    }

    @Test
    void closeWaitsForACreditUnderWayAndReleasesTheTransportOnlyThen() throws Exception {
        CountDownLatch inTransport = new CountDownLatch(1);
        CountDownLatch answer = new CountDownLatch(1);
        AtomicInteger closedWhileSending = new AtomicInteger();
        BlockingTransport transport = new BlockingTransport(inTransport, answer, closedWhileSending);
        CreditGateway gateway = gateway(transport, "60s");
        CompletableFuture<CreditResult> credit = CompletableFuture.supplyAsync(() -> gateway.credit(REQUEST));
        assertTrue(inTransport.await(10, TimeUnit.SECONDS));

        CompletableFuture<Void> closing = CompletableFuture.runAsync(gateway::close);
        assertThrows(java.util.concurrent.TimeoutException.class, () -> closing.get(200, TimeUnit.MILLISECONDS),
                "close must wait for the credit under way");
        answer.countDown();
        closing.get(10, TimeUnit.SECONDS);

        assertEquals(CreditOutcome.APPROVED, credit.get(10, TimeUnit.SECONDS).outcome());
        assertEquals(0, closedWhileSending.get(), "the transport was closed under a credit");
        assertTrue(transport.closed);
    }

    @Test
    void aCreditStillUnderWayWhenTheGraceEndsGetsAResultNotAnException() throws Exception {
        CountDownLatch inTransport = new CountDownLatch(1);
        CountDownLatch never = new CountDownLatch(1);
        BlockingTransport transport = new BlockingTransport(inTransport, never, new AtomicInteger());
        CreditGateway gateway = gateway(transport, "100ms"); // the sample gateway's grace is the deadline
        CompletableFuture<CreditResult> credit = CompletableFuture.supplyAsync(() -> gateway.credit(REQUEST));
        assertTrue(inTransport.await(10, TimeUnit.SECONDS));

        gateway.close(); // returns after the grace, closing the transport under the credit

        CreditResult result = credit.get(10, TimeUnit.SECONDS);
        assertEquals(CreditOutcome.UNKNOWN, result.outcome(), "the credit was written when the transport closed: " + result);
        assertEquals(1, transport.sent.get());
    }

    /** Blocks every request until released, or until closed, when it fails the way a closed pool does. */
    private static final class BlockingTransport implements HttpTransport {
        final AtomicInteger sent = new AtomicInteger();
        final CountDownLatch inTransport;
        final CountDownLatch answer;
        final AtomicInteger closedWhileSending;
        final CountDownLatch closing = new CountDownLatch(1);
        volatile boolean closed;

        BlockingTransport(CountDownLatch inTransport, CountDownLatch answer, AtomicInteger closedWhileSending) {
            this.inTransport = inTransport;
            this.answer = answer;
            this.closedWhileSending = closedWhileSending;
        }

        @Override
        public InboundResponse execute(OutboundRequest request) throws TransportFailure {
            if (closed) {
                throw new TransportFailure(TransportFailure.Delivery.NOT_SENT, TransportFailure.Kind.CLOSED, "closed", null);
            }
            sent.incrementAndGet();
            inTransport.countDown();
            try {
                while (!answer.await(5, TimeUnit.MILLISECONDS)) {
                    if (closing.await(0, TimeUnit.MILLISECONDS)) {
                        closedWhileSending.incrementAndGet();
                        throw new TransportFailure(TransportFailure.Delivery.SENT, TransportFailure.Kind.CLOSED, "closed", null);
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new TransportFailure(TransportFailure.Delivery.SENT, TransportFailure.Kind.IO_ERROR, "interrupted", null);
            }
            return new InboundResponse(201, List.of(), "approved 10.00 USD".getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public void close() {
            closed = true;
            closing.countDown();
        }
    }
}
