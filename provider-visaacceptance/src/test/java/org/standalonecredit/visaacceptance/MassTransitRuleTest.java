package org.standalonecredit.visaacceptance;

import org.standalonecredit.testkit.fakes.ScriptedTransport;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.standalonecredit.api.CardBrand;
import org.standalonecredit.api.CardExpiry;
import org.standalonecredit.api.CreditGateway;
import org.standalonecredit.api.CreditOutcome;
import org.standalonecredit.api.CreditRequest;
import org.standalonecredit.api.InvalidRequestException;
import org.standalonecredit.api.PartnerIds;
import org.standalonecredit.api.PaymentSource;

class MassTransitRuleTest {
    private final ScriptedTransport transport = new ScriptedTransport();

    private InvalidRequestException refused(Map<String, String> extra, CreditRequest request) {
        try (CreditGateway gateway = TestGateways.create(TestGateways.config(extra), transport)) {
            return assertThrows(InvalidRequestException.class, () -> gateway.credit(request));
        }
    }

    @Test
    void everyMissingMassTransitFieldIsNamedAtOnce() {
        InvalidRequestException e = refused(Map.of(), CreditRequest.builder().amount("200.00", "THB")
                .source(PaymentSource.customerToken("F45FB3E443AC3C57E053A2598D0A9CFF")).build());
        assertTrue(e.hasErrorFor("transactionId"), e.getMessage());
        assertTrue(e.hasErrorFor("partner.thirdPartyCertificationNumber"), e.getMessage());
        assertTrue(e.hasErrorFor("source"), e.getMessage());
        assertEquals(3, e.errors().size(), e.getMessage());
        assertTrue(transport.sent.isEmpty());
    }

    @Test
    void aMissingTransactionIdAloneIsNamed() {
        InvalidRequestException e = refused(Map.of(), TestGateways.seed003().transactionId(null).build());
        assertEquals(1, e.errors().size(), e.getMessage());
        assertTrue(e.hasErrorFor("transactionId"));
    }

    @Test
    void aPartnerWithoutCertificationNumberIsRefused() {
        InvalidRequestException e = refused(Map.of(), TestGateways.seed003().partner(new PartnerIds(null, "SOL-1")).build());
        assertTrue(e.hasErrorFor("partner.thirdPartyCertificationNumber"));
    }

    @Test
    void aPlainCardIsNotAMassTransitSource() {
        InvalidRequestException e = refused(Map.of(), TestGateways.seed003()
                .source(PaymentSource.card("4111111111111111", CardExpiry.of(3, 2031), null, CardBrand.VISA)).build());
        assertTrue(e.hasErrorFor("source"));
        assertTrue(transport.sent.isEmpty());
    }

    @Test
    void theCybersourceLimitsStillApply() {
        InvalidRequestException e = refused(Map.of(), TestGateways.seed003().transactionId("t".repeat(31)).build());
        assertTrue(e.hasErrorFor("transactionId"));
    }

    @Test
    void withMassTransitOffAnyCybersourceSourceIsAccepted() {
        transport.answer(201, "{\"id\":\"1\",\"status\":\"PENDING\",\"creditAmountDetails\":{\"creditAmount\":\"10.00\",\"currency\":\"USD\"}}");
        try (CreditGateway gateway = TestGateways.create(TestGateways.config(Map.of("credit.visa-acceptance.mass-transit", "false")), transport)) {
            assertEquals(CreditOutcome.PENDING_SETTLEMENT, gateway.credit(CreditRequest.builder().amount("10.00", "USD")
                    .source(PaymentSource.customerToken("C1")).build()).outcome());
        }
        assertEquals(1, transport.sent.size());
    }
}
