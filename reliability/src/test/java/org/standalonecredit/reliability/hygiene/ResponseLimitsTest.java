package org.standalonecredit.reliability.hygiene;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.standalonecredit.api.config.ConfigurationException;
import org.standalonecredit.api.observe.CreditListener;
import org.standalonecredit.api.spi.Sleeper;
import org.standalonecredit.api.transport.Header;
import org.standalonecredit.api.transport.InboundResponse;
import org.standalonecredit.api.transport.OutboundRequest;
import org.standalonecredit.api.transport.TransportFailure;
import org.standalonecredit.api.transport.TransportSettings;
import org.standalonecredit.testkit.reliability.support.OpenGateway;
import org.standalonecredit.testkit.reliability.support.ProviderUnderTest;
import org.standalonecredit.testkit.reliability.support.RawServer;
import org.standalonecredit.transport.apache.ApacheHttpTransport;

/**
 * The transport reads at most {@code max-response-bytes} of an answer and stops at the deadline,
 * however the answer misbehaves, and gives its connection back either way. An answer that never
 * ends is the test: a transport that read it to its end would never return (the preemptive
 * timeouts below only guard against that hang; they assert no speed).
 */
class ResponseLimitsTest {
    private static final int CAP = 1024;
    private static final Duration HANG_GUARD = Duration.ofSeconds(30);
    private static final Duration DRIP = Duration.ofMillis(40);
    private static final byte[] BODY = "{\"amount\":\"10.00\"}".getBytes(StandardCharsets.UTF_8);

    private final ApacheHttpTransport transport = new ApacheHttpTransport(new TransportSettings(
            Duration.ofSeconds(1), Duration.ofMillis(500), Duration.ofSeconds(2), CAP, 4, null, null));

    @AfterEach
    void close() {
        transport.close();
    }

    @Test
    void anAnswerOfExactlyTheCapIsReadWhole() throws Exception {
        try (RawServer server = RawServer.start((s, req, sch) -> answer(s, "Content-Length: " + CAP, filler(CAP)))) {
            InboundResponse response = transport.execute(post(server));
            assertEquals(CAP, response.body().length);
        }
    }

    @Test
    void anAnswerDeclaringOneByteOverTheCapIsRefusedUnread() throws Exception {
        try (RawServer server = RawServer.start((s, req, sch) -> answer(s, "Content-Length: " + (CAP + 1), filler(CAP + 1)))) {
            assertFailure(TransportFailure.Kind.RESPONSE_TOO_LARGE, server);
        }
    }

    @Test
    void anEndlessAnswerWithoutLengthIsCutAtTheCap() throws Exception {
        try (RawServer server = RawServer.start((s, req, sch) -> endless(s, "Connection: close"))) {
            assertFailure(TransportFailure.Kind.RESPONSE_TOO_LARGE, server);
        }
    }

    @Test
    void anEndlessAnswerWithAFalseLengthIsCutAtTheCap() throws Exception {
        try (RawServer server = RawServer.start((s, req, sch) -> endless(s, "Content-Length: " + CAP))) {
            // the length is under the cap but the bytes keep coming: the cap still holds, and the rest is never read
            InboundResponse response = assertTimeoutPreemptively(HANG_GUARD, () -> transport.execute(post(server)));
            assertEquals(CAP, response.body().length, "only the declared bytes are taken");
            assertEquals(0, transport.stats().leased());
        }
    }

    @Test
    void aBodyDrippingForeverStopsAtTheDeadline() throws Exception {
        try (RawServer server = RawServer.start((s, req, sch) -> {
            s.getOutputStream().write(head("Content-Length: " + CAP));
            drip(s, "0".getBytes(StandardCharsets.US_ASCII), sch);
        })) {
            assertFailure(TransportFailure.Kind.DEADLINE_EXCEEDED, server);
        }
    }

    @Test
    void headersDrippingForeverStopAtTheDeadline() throws Exception {
        try (RawServer server = RawServer.start((s, req, sch) -> {
            s.getOutputStream().write("HTTP/1.1 201 Created\r\nX-Drip: ".getBytes(StandardCharsets.US_ASCII));
            drip(s, "a".getBytes(StandardCharsets.US_ASCII), sch);
        })) {
            // no single read ever waits as long as the response timeout, so only the deadline can end it
            assertFailure(TransportFailure.Kind.DEADLINE_EXCEEDED, server);
        }
    }

    @Test
    void theCapIsConfiguredWithinBounds() {
        for (String bad : List.of("0", "1023", String.valueOf((64 << 20) + 1), "lots")) {
            Map<String, String> config = ProviderUnderTest.byId("cybersource").configuration("http://127.0.0.1:1");
            config.put("credit.http.max-response-bytes", bad);
            ConfigurationException e = assertThrows(ConfigurationException.class,
                    () -> OpenGateway.open(config, CreditListener.NONE, Sleeper.REAL).close(), bad);
            assertTrue(e.getMessage().contains("credit.http.max-response-bytes"), e.getMessage());
        }
    }

    private void assertFailure(TransportFailure.Kind kind, RawServer server) {
        TransportFailure f = assertTimeoutPreemptively(HANG_GUARD, () -> assertThrows(TransportFailure.class, () -> transport.execute(post(server))));
        assertEquals(kind, f.kind(), f.toString());
        assertEquals(TransportFailure.Delivery.SENT, f.delivery(), "an answer came, so the request was sent");
        assertEquals(0, transport.stats().leased(), "the connection must not stay leased");
    }

    private static OutboundRequest post(RawServer server) {
        return new OutboundRequest("POST", URI.create(server.baseUrl() + "/pts/v2/credits"),
                List.of(new Header("Content-Type", "application/json")), BODY);
    }

    private static byte[] head(String framing) {
        return ("HTTP/1.1 201 Created\r\nContent-Type: application/json\r\n" + framing + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] filler(int n) {
        byte[] b = new byte[n];
        Arrays.fill(b, (byte) ' ');
        return b;
    }

    private static void answer(Socket s, String framing, byte[] body) throws IOException {
        OutputStream out = s.getOutputStream();
        out.write(head(framing));
        out.write(body);
        out.flush();
        RawServer.quietlyClose(s);
    }

    /** Writes spaces until the client goes away. */
    private static void endless(Socket s, String framing) throws IOException {
        OutputStream out = s.getOutputStream();
        out.write(head(framing));
        byte[] chunk = filler(8192);
        try {
            while (true) {
                out.write(chunk);
            }
        } catch (IOException gone) {
            RawServer.quietlyClose(s);
        }
    }

    /** Writes {@code unit} every {@link #DRIP} until the client goes away. */
    private static void drip(Socket s, byte[] unit, ScheduledExecutorService scheduler) {
        try {
            s.getOutputStream().write(unit);
            s.getOutputStream().flush();
            scheduler.schedule(() -> drip(s, unit, scheduler), DRIP.toMillis(), TimeUnit.MILLISECONDS);
        } catch (IOException | RejectedExecutionException gone) {
            RawServer.quietlyClose(s);
        }
    }
}
