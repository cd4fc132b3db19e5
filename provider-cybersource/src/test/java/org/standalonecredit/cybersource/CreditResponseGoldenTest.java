package org.standalonecredit.cybersource;

import org.standalonecredit.testkit.fakes.ScriptedTransport;
import org.standalonecredit.testkit.fakes.Seeds;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.standalonecredit.api.CardBrand;
import org.standalonecredit.api.CardExpiry;
import org.standalonecredit.api.CardSummary;
import org.standalonecredit.api.CreditGateway;
import org.standalonecredit.api.CreditOutcome;
import org.standalonecredit.api.CreditRequest;
import org.standalonecredit.api.CreditResult;
import org.standalonecredit.api.OutcomeDetail;
import org.standalonecredit.api.PartnerIds;
import org.standalonecredit.api.PaymentSource;

/** The seed documents' successful answers, read into neutral results. */
class CreditResponseGoldenTest {
    private final ScriptedTransport transport = new ScriptedTransport();

    private CreditResult answer(CreditRequest request, String seed) {
        transport.answer(201, Seeds.text(seed));
        try (CreditGateway gateway = TestGateways.cybersource(transport)) {
            return gateway.credit(request);
        }
    }

    @Test
    void seed000CustomerTokenCreditIsPendingSettlement() {
        CreditResult result = answer(CreditRequest.builder().amount("10.00", "USD").idempotencyKey("k-000")
                .source(PaymentSource.customerToken("F45FB3E443AC3C57E053A2598D0A9CFF")).merchantReference("12345678").build(),
                "000-customer-token-response.json");
        assertEquals(CreditOutcome.PENDING_SETTLEMENT, result.outcome());
        assertEquals(OutcomeDetail.NONE, result.detail());
        assertEquals("k-000", result.idempotencyKey());
        assertEquals(Optional.of("7055967677826132904951"), result.gatewayTransactionId());
        assertEquals(Optional.of("67444961BRIL0BB8"), result.reconciliationId());
        assertEquals(Optional.of("888888"), result.approvalCode());
        assertEquals(Optional.of("100"), result.responseCode());
        assertEquals(Optional.of("PENDING"), result.gatewayStatus());
        assertEquals(Optional.of(new BigDecimal("10.00")), result.creditedAmount());
        assertEquals(Optional.of("USD"), result.creditedCurrency());
        assertEquals(Optional.of(Instant.parse("2024-01-18T16:52:48Z")), result.submittedAt());
        assertEquals(Map.of("customer", "F45FB3E443AC3C57E053A2598D0A9CFF", "paymentInstrument", "F45FE45E7993C7DBE053A2598D0AED19",
                "instrumentIdentifier", "7030000000014831523", "shippingAddress", "F45FD8DE51B99E9CE053A2598D0AFDFA"), result.tokenIds());
        assertEquals(Optional.of("7055967677826132904951"), result.voidReference());
        assertEquals(Optional.of("7055967677826132904951"), result.statusReference());
        assertEquals(Optional.of(new CardSummary(CardBrand.VISA, "001", null)), result.card());
        assertEquals(201, result.httpStatus());
        assertEquals(1, result.attempts());
        assertTrue(result.reconciliation().isEmpty());
        assertTrue(result.maskedResponseBody().orElseThrow().contains("67444961BRIL0BB8"));
    }

    @Test
    void seed001CustomerTokenCreditWithOptions() {
        CreditResult result = answer(CreditRequest.builder().amount("1.00", "USD")
                .source(PaymentSource.customerToken("F45FB3E443AC3C57E053A2598D0A9CFF")).merchantReference("RTS-Auth")
                .extension(CybersourceCreditOptions.builder().capture(false).commerceIndicator("internet").build()).build(),
                "001-customer-token-options-response.json");
        assertEquals(CreditOutcome.PENDING_SETTLEMENT, result.outcome());
        assertEquals(Optional.of("6760630831286132403955"), result.gatewayTransactionId());
        assertEquals(Optional.of("69608060KDTHKXAL"), result.reconciliationId());
        assertEquals(Optional.of("888888"), result.approvalCode());
        assertEquals(Optional.of(new BigDecimal("1.00")), result.creditedAmount());
        assertEquals(Optional.of("USD"), result.creditedCurrency());
        assertEquals(Optional.of("F45FB3E443AC3C57E053A2598D0A9CFF"), Optional.ofNullable(result.tokenIds().get("customer")));
        assertEquals(Optional.of("7030000000014911515"), Optional.ofNullable(result.tokenIds().get("instrumentIdentifier")));
        assertEquals(Optional.of("6760630831286132403955"), result.voidReference());
        assertEquals(CardBrand.VISA, result.card().orElseThrow().brand());
    }

    @Test
    void seed002InstrumentIdentifierCredit() {
        CreditResult result = answer(CreditRequest.builder().amount("200.00", "THB")
                .source(PaymentSource.instrumentIdentifier("DCED1B858116F177E053AF598E0AA10A", CardExpiry.of(3, 2031), CardBrand.VISA))
                .transactionId("43987654321").partner(PartnerIds.certification("123456789012")).build(),
                "002-instrument-identifier-response.json");
        assertEquals(CreditOutcome.PENDING_SETTLEMENT, result.outcome());
        assertEquals(Optional.of("6502828338426145304001"), result.gatewayTransactionId());
        assertEquals(Optional.of("6502828338426145304001"), result.reconciliationId());
        assertEquals(Optional.of(new BigDecimal("200.00")), result.creditedAmount());
        assertEquals(Optional.of("THB"), result.creditedCurrency());
        assertEquals(Map.of("instrumentIdentifier", "DCED1B858116F177E053AF598E0AA10A"), result.tokenIds());
        assertEquals(Optional.of("6502828338426145304001"), result.voidReference());
        assertEquals(Optional.of(Instant.parse("2022-04-18T11:53:54Z")), result.submittedAt());
        assertEquals(CardBrand.VISA, result.card().orElseThrow().brand());
        assertTrue(result.approvalCode().isEmpty(), "seed 002 carries no processorInformation");
    }

    @Test
    void anAnswerForAnotherAmountIsNotACleanSuccess() {
        CreditResult result = answer(CreditRequest.builder().amount("11.00", "USD")
                .source(PaymentSource.customerToken("F45FB3E443AC3C57E053A2598D0A9CFF")).build(), "000-customer-token-response.json");
        assertEquals(CreditOutcome.UNKNOWN, result.outcome());
        assertEquals(OutcomeDetail.ECHO_MISMATCH, result.detail());
        assertFalse(result.outcome().isSuccess());
    }
}
