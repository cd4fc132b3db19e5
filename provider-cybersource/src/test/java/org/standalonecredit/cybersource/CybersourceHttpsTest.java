package org.standalonecredit.cybersource;

import org.standalonecredit.api.journal.InMemoryCreditJournal;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.standalonecredit.api.CreditGateway;
import org.standalonecredit.api.CreditOutcome;
import org.standalonecredit.api.CreditRequest;
import org.standalonecredit.api.CreditResult;
import org.standalonecredit.api.OutcomeDetail;
import org.standalonecredit.api.PaymentSource;
import org.standalonecredit.api.config.ConfigSource;
import org.standalonecredit.api.spi.GatewayOptions;
import org.standalonecredit.api.spi.ProviderRegistry;
import org.standalonecredit.simulator.cybersource.CybersourceSimulator;
import org.standalonecredit.simulator.tls.SelfSignedCertificate;

/** Over TLS, as to the real gateway: the simulator presents a certificate the client must trust. */
class CybersourceHttpsTest {
    @TempDir
    static Path dir;
    static SelfSignedCertificate certificate;
    private CybersourceSimulator sim;

    @BeforeAll
    static void certificate() {
        certificate = SelfSignedCertificate.generate(dir, "ip:127.0.0.1");
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    private CreditResult credit(SSLContext trust) {
        sim = CybersourceSimulator.builder().https(certificate).start();
        GatewayOptions.Builder options = GatewayOptions.builder().journal(new InMemoryCreditJournal(10_000));
        if (trust != null) {
            options.sslContext(trust);
        }
        try (CreditGateway gateway = ProviderRegistry.load().create(ConfigSource.fromMap(TestGateways.config("cybersource",
                Map.of("credit.cybersource.base-url", sim.baseUrl(), "credit.retry.backoff", "1ms"))), "credit", options.build())) {
            return gateway.credit(CreditRequest.builder().amount("10.00", "USD").merchantReference("12345678")
                    .source(PaymentSource.customerToken("F45FB3E443AC3C57E053A2598D0A9CFF")).build());
        }
    }

    @Test
    void aCreditOverHttpsToASimulatorTheClientTrusts() {
        CreditResult result = credit(certificate.clientContextTrustingIt());
        assertTrue(sim.baseUrl().startsWith("https://127.0.0.1:"), sim.baseUrl());
        assertEquals(CreditOutcome.PENDING_SETTLEMENT, result.outcome(), result.toString());
        assertEquals(1, sim.ledger().size());
    }

    @Test
    void anUntrustedCertificateIsATlsFailureAndNothingIsSent() {
        CreditResult result = credit(null); // the JDK's default trust store, set up in the background, does not know it
        assertEquals(CreditOutcome.NOT_SENT, result.outcome(), result.toString());
        assertEquals(OutcomeDetail.CONNECTION_FAILED, result.detail());
        assertEquals("not sent: TLS_FAILURE", result.responseMessage().orElseThrow());
        assertEquals(0, sim.journal().size(), "no HTTP request passes a handshake the client refused");
        assertEquals(0, sim.ledger().size());
    }
}
