package org.standalonecredit.reliability.hygiene;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.standalonecredit.api.CreditOutcome;
import org.standalonecredit.api.CreditResult;
import org.standalonecredit.api.OutcomeDetail;
import org.standalonecredit.api.observe.ExchangeEvent;
import org.standalonecredit.api.transport.InboundResponse;
import org.standalonecredit.api.transport.OutboundRequest;
import org.standalonecredit.api.transport.TransportFailure;
import org.standalonecredit.api.transport.TransportSettings;
import org.standalonecredit.reliability.support.LocalHttpsServer;
import org.standalonecredit.simulator.tls.SelfSignedCertificate;
import org.standalonecredit.testkit.reliability.support.OpenGateway;
import org.standalonecredit.testkit.reliability.support.ProviderUnderTest;
import org.standalonecredit.transport.apache.ApacheHttpTransport;

/**
 * TLS hostname verification stays on, also when the application passes its own SSLContext: a
 * certificate the client trusts, but issued for another name than the host it connects to, ends the
 * connection during the handshake, before any byte of the credit is written.
 */
class TlsHostnameVerificationTest {
    @TempDir
    static Path dir;
    /** Issued to gateway.invalid, served at 127.0.0.1. */
    static SelfSignedCertificate otherName;
    /** Issued to 127.0.0.1 itself. */
    static SelfSignedCertificate rightName;

    @BeforeAll
    static void certificates() {
        otherName = SelfSignedCertificate.generate(dir, "dns:gateway.invalid");
        rightName = SelfSignedCertificate.generate(dir, "ip:127.0.0.1");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.standalonecredit.testkit.reliability.support.ProviderUnderTest#all")
    void aTrustedCertificateForAnotherNameIsRefusedAndNothingIsSent(ProviderUnderTest provider) throws Exception {
        try (LocalHttpsServer server = new LocalHttpsServer(otherName.serverContext())) {
            Map<String, String> config = provider.configuration(server.baseUrl());
            config.put("credit.retry.max-attempts", "2");
            List<ExchangeEvent> events = new CopyOnWriteArrayList<>();
            CreditResult result;
            try (OpenGateway open = OpenGateway.open(config, events::add, d -> { }, otherName.clientContextTrustingIt())) {
                result = open.gateway().credit(provider.request("10.00", "TLS-1"));
            }
            assertEquals(CreditOutcome.NOT_SENT, result.outcome(), result.toString());
            assertEquals(OutcomeDetail.CONNECTION_FAILED, result.detail());
            assertEquals("not sent: TLS_FAILURE", result.responseMessage().orElseThrow());
            assertEquals(2, result.attempts(), "a handshake failure is not sent, so it may be retried");
            List<String> failures = events.stream().filter(e -> e.phase() == ExchangeEvent.Phase.FAILURE).map(ExchangeEvent::failure).toList();
            assertEquals(List.of("TLS_FAILURE/NOT_SENT", "TLS_FAILURE/NOT_SENT"), failures);
            assertEquals(0, server.requests(), "no HTTP request may pass a handshake with the wrong name");
        }
    }

    @Test
    void theSameTrustAndTheRightNameConnect() throws Exception {
        try (LocalHttpsServer server = new LocalHttpsServer(rightName.serverContext());
             ApacheHttpTransport transport = transport(rightName.clientContextTrustingIt())) {
            InboundResponse response = transport.execute(get(server));
            assertEquals(201, response.status(), "the set-up works: what fails above is the name check alone");
            assertEquals(1, server.requests());
        }
    }

    @Test
    void withoutItsOwnContextTheClientTrustsNoSelfSignedCertificate() throws Exception {
        try (LocalHttpsServer server = new LocalHttpsServer(rightName.serverContext());
             ApacheHttpTransport transport = transport(null)) {
            TransportFailure f = assertThrows(TransportFailure.class, () -> transport.execute(get(server)));
            assertEquals(TransportFailure.Kind.TLS_FAILURE, f.kind());
            assertEquals(TransportFailure.Delivery.NOT_SENT, f.delivery());
            assertEquals(0, server.requests());
        }
    }

    private static ApacheHttpTransport transport(SSLContext ssl) {
        return new ApacheHttpTransport(new TransportSettings(Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(10),
                TransportSettings.DEFAULT_MAX_RESPONSE_BYTES, 2, null, ssl));
    }

    private static OutboundRequest get(LocalHttpsServer server) {
        return new OutboundRequest("GET", URI.create(server.baseUrl() + "/tss/v2/transactions/1"), List.of(), null);
    }
}
