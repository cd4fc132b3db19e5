package org.standalonecredit.commercehub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.standalonecredit.api.CardBrand;
import org.standalonecredit.api.CardExpiry;
import org.standalonecredit.api.CreditGateway;
import org.standalonecredit.api.CreditRequest;
import org.standalonecredit.api.InvalidRequestException;
import org.standalonecredit.api.PaymentSource;
import org.standalonecredit.api.StatusQuery;
import org.standalonecredit.api.UnsupportedFollowUpException;
import org.standalonecredit.api.VoidRequest;

/** What Commerce Hub cannot take is refused before any HTTP call, naming the field. */
class RequestValidationTest {
    private final TestGateways env = new TestGateways();
    private final CreditGateway gateway = env.gateway();

    @AfterEach
    void nothingWasSent() {
        gateway.close();
        assertTrue(env.transport.sent().isEmpty());
    }

    @Test
    void aReferenceLongerThanAnInvoiceNumberIsRefused() {
        CreditRequest request = TestGateways.cardCredit("5.00").merchantReference("refund-2024-000123").build();
        InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> gateway.credit(request));
        assertTrue(e.hasErrorFor("merchantReference"));
        assertTrue(e.getMessage().contains("CommerceHubCreditOptions.invoiceNumber"));
    }

    @Test
    void anInvoiceNumberOptionIsValidatedToo() {
        InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> TestGateways.cardCredit("5.00")
                .extension(CommerceHubCreditOptions.builder().invoiceNumber("1234567890123").orderId(" ").build()).build());
        assertTrue(e.hasErrorFor("extensions.CommerceHubCreditOptions.invoiceNumber"));
        assertTrue(e.hasErrorFor("extensions.CommerceHubCreditOptions.orderId"));
    }

    @Test
    void controlCharactersInTheOptionsAreRefused() {
        InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> TestGateways.cardCredit("5.00")
                .extension(CommerceHubCreditOptions.builder().invoiceNumber("INV\r1").orderId("O\u202E1").build()).build());
        assertTrue(e.hasErrorFor("extensions.CommerceHubCreditOptions.invoiceNumber"));
        assertTrue(e.hasErrorFor("extensions.CommerceHubCreditOptions.orderId"));
    }

    @Test
    void customerAndInstrumentTokensAreNotSupported() {
        for (PaymentSource source : new PaymentSource[] {PaymentSource.customerToken("F45FB3E443AC3C57E053A2598D0A9CFF"),
                PaymentSource.paymentInstrument("F45FE45E7993C7DBE053A2598D0AED19"),
                PaymentSource.instrumentIdentifier("7030000000014831523", CardExpiry.of(12, 2031), CardBrand.VISA)}) {
            CreditRequest request = TestGateways.cardCredit("5.00").source(source).build();
            assertTrue(assertThrows(InvalidRequestException.class, () -> gateway.credit(request)).hasErrorFor("source"));
        }
    }

    @Test
    void aTransArmorTokenNeedsTheCardExpiry() {
        CreditRequest request = TestGateways.cardCredit("5.00").source(PaymentSource.gatewayToken("1234560000000019", "TRANSARMOR", null)).build();
        assertTrue(assertThrows(InvalidRequestException.class, () -> gateway.credit(request)).hasErrorFor("source.expiry"));
    }

    @Test
    void followUpReferencesLongerThanCommerceHubTakesAreRefused() {
        assertThrows(InvalidRequestException.class, () -> gateway.voidCredit(VoidRequest.ofCredit("x".repeat(41))));
        assertThrows(InvalidRequestException.class, () -> gateway.status(StatusQuery.byGatewayTransactionId("x".repeat(41))));
    }

    @Test
    void statusByMerchantReferenceIsNotOffered() {
        UnsupportedFollowUpException e = assertThrows(UnsupportedFollowUpException.class,
                () -> gateway.status(StatusQuery.byMerchantReference("INV-1")));
        assertEquals("Provider 'commerce-hub' does not support STATUS_BY_MERCHANT_REFERENCE", e.getMessage());
    }
}
