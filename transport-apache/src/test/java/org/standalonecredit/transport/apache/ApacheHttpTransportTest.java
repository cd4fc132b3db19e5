package org.standalonecredit.transport.apache;

import org.standalonecredit.api.transport.TransportSettings;
import org.standalonecredit.api.transport.TransportFailure;
import org.standalonecredit.api.transport.OutboundRequest;
import org.standalonecredit.api.transport.InboundResponse;
import org.standalonecredit.api.transport.Header;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Not sent versus sent, against real loopback sockets. */
class ApacheHttpTransportTest {
    private static final byte[] BODY = "{\"orderInformation\":{\"amountDetails\":{\"totalAmount\":\"10.00\"}}}".getBytes(StandardCharsets.UTF_8);
    private final CountDownLatch release = new CountDownLatch(1);
    private ApacheHttpTransport transport = transport(Duration.ofSeconds(5), 1 << 20);

    private static ApacheHttpTransport transport(Duration responseTimeout, int maxBytes) {
        return new ApacheHttpTransport(new TransportSettings(Duration.ofSeconds(2), responseTimeout, Duration.ofSeconds(10),
                maxBytes, 4, null, null));
    }

    private static OutboundRequest post(String baseUrl) {
        return new OutboundRequest("POST", URI.create(baseUrl + "/pts/v2/credits"),
                List.of(new Header("Content-Type", "application/json;charset=utf-8"), new Header("X-Test", "1")), BODY);
    }

    @AfterEach
    void tearDown() {
        release.countDown();
        transport.close();
    }

    @Test
    void theExactBodyBytesReachTheServerAndTheAnswerComesBack() throws Exception {
        try (RawServer server = new RawServer((s, req) -> RawServer.respond(s, 201, "{\"status\":\"PENDING\"}"))) {
            InboundResponse response = transport.execute(post(server.baseUrl()));
            assertEquals(201, response.status());
            assertEquals("{\"status\":\"PENDING\"}", response.bodyText());
            assertArrayEquals(BODY, server.requests.get(0));
        }
    }

    @Test
    void aRefusedConnectionIsNotSent() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        TransportFailure f = assertThrows(TransportFailure.class, () -> transport.execute(post("http://127.0.0.1:" + port)));
        assertEquals(TransportFailure.Delivery.NOT_SENT, f.delivery());
        assertEquals(TransportFailure.Kind.CONNECTION_REFUSED, f.kind());
    }

    @Test
    void aResponseTimeoutAfterWritingIsSent() throws Exception {
        transport.close();
        transport = transport(Duration.ofMillis(300), 1 << 20);
        try (RawServer server = new RawServer((s, req) -> awaitRelease())) {
            TransportFailure f = assertThrows(TransportFailure.class, () -> transport.execute(post(server.baseUrl())));
            assertEquals(TransportFailure.Delivery.SENT, f.delivery());
            assertEquals(TransportFailure.Kind.RESPONSE_TIMEOUT, f.kind());
            assertEquals(1, server.connections.get(), "the transport must not retry on its own");
        }
    }

    @Test
    void aConnectionClosedAfterTheRequestIsSentAndNeverRetried() throws Exception {
        try (RawServer server = new RawServer((s, req) -> s.close())) {
            TransportFailure f = assertThrows(TransportFailure.class, () -> transport.execute(post(server.baseUrl())));
            assertEquals(TransportFailure.Delivery.SENT, f.delivery());
            assertEquals(TransportFailure.Kind.CONNECTION_LOST, f.kind());
            assertEquals(1, server.connections.get());
            assertEquals(1, server.requests.size());
        }
    }

    @Test
    void aTruncatedBodyIsSent() throws Exception {
        try (RawServer server = new RawServer((s, req) -> {
            OutputStream out = s.getOutputStream();
            out.write("HTTP/1.1 201 Created\r\nContent-Length: 100\r\n\r\n{\"id\":\"12".getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            s.close();
        })) {
            TransportFailure f = assertThrows(TransportFailure.class, () -> transport.execute(post(server.baseUrl())));
            assertEquals(TransportFailure.Delivery.SENT, f.delivery());
            assertEquals(TransportFailure.Kind.RESPONSE_INCOMPLETE, f.kind());
        }
    }

    @Test
    void anOversizedBodyIsCapped() throws Exception {
        transport.close();
        transport = transport(Duration.ofSeconds(5), 2048);
        try (RawServer server = new RawServer((s, req) -> RawServer.respond(s, 200, "x".repeat(10_000)))) {
            TransportFailure f = assertThrows(TransportFailure.class, () -> transport.execute(post(server.baseUrl())));
            assertEquals(TransportFailure.Kind.RESPONSE_TOO_LARGE, f.kind());
            assertEquals(TransportFailure.Delivery.SENT, f.delivery());
        }
    }

    @Test
    void theConnectionGoesBackToThePool() throws Exception {
        try (RawServer server = new RawServer((s, req) -> {
            RawServer.respond(s, 201, "{}");
            byte[] next = RawServer.readRequest(s.getInputStream());
            RawServer.respond(s, 201, "{}");
        })) {
            transport.execute(post(server.baseUrl()));
            transport.execute(post(server.baseUrl()));
            assertEquals(0, transport.stats().leased());
            assertEquals(1, server.connections.get());
        }
    }

    @Test
    void aRequestUnderWayWhenTheTransportClosesFailsAsSentWithoutAnUncheckedException() throws Exception {
        CountDownLatch received = new CountDownLatch(1);
        try (RawServer server = new RawServer((s, req) -> {
            received.countDown();
            awaitRelease();
        })) {
            java.util.concurrent.CompletableFuture<Object> call = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                try {
                    return transport.execute(post(server.baseUrl()));
                } catch (TransportFailure f) {
                    return f;
                } catch (RuntimeException e) {
                    return e;
                }
            });
            assertEquals(true, received.await(10, TimeUnit.SECONDS));
            transport.close();
            Object outcome = call.get(10, TimeUnit.SECONDS);
            TransportFailure f = assertInstanceOf(TransportFailure.class, outcome, "a closed pool must not surface as " + outcome);
            assertEquals(TransportFailure.Delivery.SENT, f.delivery());
        }
    }

    @Test
    void aRequestAfterCloseIsNotSent() throws Exception {
        try (RawServer server = new RawServer((s, req) -> RawServer.respond(s, 201, "{}"))) {
            transport.close();
            TransportFailure f = assertThrows(TransportFailure.class, () -> transport.execute(post(server.baseUrl())));
            assertEquals(TransportFailure.Delivery.NOT_SENT, f.delivery());
            assertEquals(TransportFailure.Kind.CLOSED, f.kind());
            assertEquals(0, server.connections.get());
        }
    }

    private void awaitRelease() throws IOException {
        try {
            release.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
