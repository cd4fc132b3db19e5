package org.standalonecredit.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class CreditRequestTest {
    static final String PAN = "4111111111111111";

    static CreditRequest.Builder valid() {
        return CreditRequest.builder()
                .amount("10.00", "USD")
                .source(PaymentSource.customerToken("F45FB3E443AC3C57E053A2598D0A9CFF"))
                .merchantReference("12345678");
    }

    @Test
    void everyBrokenRuleIsReportedAtOnce() {
        InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> CreditRequest.builder()
                .amount("10.001", "usd")
                .source(PaymentSource.card("4111111111111112", CardExpiry.of(13, 31), "12a", null))
                .merchantReference("x".repeat(51))
                .idempotencyKey("has spaces")
                .transactionId("t".repeat(65))
                .comments("c".repeat(257))
                .billTo(BillingAddress.builder().country("usa").postalCode("12345678901").email("nope").build())
                .partner(new PartnerIds("p".repeat(33), null))
                .build());
        Set<String> fields = e.errors().stream().map(FieldError::field).collect(Collectors.toSet());
        assertEquals(Set.of("amount.currency", "source.number", "source.expiry.month", "source.expiry.year",
                "source.securityCode", "merchantReference", "idempotencyKey", "transactionId", "comments",
                "billTo.country", "billTo.postalCode", "billTo.email", "partner.thirdPartyCertificationNumber"), fields);
    }

    /** Text that, printed raw, would erase the line and show a smaller amount in a confirmation prompt. */
    static final String SPOOF = "R\r\u001b[2KAbout to credit 1.00";

    @Test
    void controlCharactersAreRefusedInEveryFreeTextFieldAtOnce() {
        InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> CreditRequest.builder()
                .amount("90.00", "USD")
                .source(PaymentSource.gatewayToken("tok\u001b[2K", "TRANS\nARMOR", CardExpiry.of(12, 2031)))
                .merchantReference(SPOOF)
                .idempotencyKey("key\r1")
                .transactionId("tx\u001b1")
                .comments("ok\u2028then")
                .partner(new PartnerIds("c\u202Ee", "s\u0007"))
                .billTo(BillingAddress.builder().firstName("A\u2066").lastName("B\u0085").address1("1\rMain").address2("\u2029")
                        .locality("L\u007F").administrativeArea("S\u202A").postalCode("1\u00002").email("a\u001b@b.c")
                        .phoneNumber("5\u20695").build())
                .build());
        Set<String> fields = e.errors().stream().map(FieldError::field).collect(Collectors.toSet());
        assertEquals(Set.of("source.tokenData", "source.tokenSource", "merchantReference", "idempotencyKey", "transactionId",
                "comments", "partner.thirdPartyCertificationNumber", "partner.solutionId", "billTo.firstName", "billTo.lastName",
                "billTo.address1", "billTo.address2", "billTo.locality", "billTo.administrativeArea", "billTo.postalCode",
                "billTo.email", "billTo.phoneNumber"), fields);
        assertFalse(e.getMessage().contains("\u001b"), "the refusal does not repeat the value");
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(chars = {'\u0000', '\t', '\n', '\r', '\u001b', '\u007f', '\u0085', '\u009b',
            '\u2028', '\u2029', '\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069'})
    void everyCharacterThatCanRewriteADisplayIsRefused(char c) {
        InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> valid().merchantReference("REF" + c + "1").build());
        assertEquals(List.of("merchantReference"), e.errors().stream().map(FieldError::field).toList());
        assertTrue(e.getMessage().contains("control characters"), e.getMessage());
    }

    @Test
    void ordinaryTextOutsideAsciiIsAccepted() {
        CreditRequest request = valid().merchantReference("Remboursé – 日本 ✓").comments("Grüße, ½ ‘quoted’")
                .billTo(BillingAddress.builder().firstName("José").lastName("Núñez").locality("Zürich").build()).build();
        assertEquals("Remboursé – 日本 ✓", request.merchantReference().orElseThrow());
    }

    @Test
    void missingAmountAndSourceAreNamed() {
        InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> CreditRequest.builder().build());
        assertTrue(e.hasErrorFor("amount.value"));
        assertTrue(e.hasErrorFor("amount.currency"));
        assertTrue(e.hasErrorFor("source"));
    }

    @Test
    void idempotencyKeyIsGeneratedWhenAbsentAndKeptWhenGiven() {
        CreditRequest generated = valid().idGenerator(() -> "generated-1").build();
        assertEquals("generated-1", generated.idempotencyKey());
        CreditRequest given = valid().idempotencyKey("caller-key").idGenerator(() -> "unused").build();
        assertEquals("caller-key", given.idempotencyKey());
    }

    @Test
    void instrumentIdentifierNeedsExpiryAndBrand() {
        InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> valid()
                .source(PaymentSource.instrumentIdentifier("DCED1B858116F177E053AF598E0AA10A", null, null)).build());
        assertTrue(e.hasErrorFor("source.expiry"));
        assertTrue(e.hasErrorFor("source.brand"));
    }

    @Test
    void gatewayTokenNeedsDataAndSource() {
        InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> valid()
                .source(PaymentSource.gatewayToken("", null, CardExpiry.of(10, 2030))).build());
        assertTrue(e.hasErrorFor("source.tokenData"));
        assertTrue(e.hasErrorFor("source.tokenSource"));
    }

    @Test
    void tokensRefuseCharactersThatCouldBreakAPathOrQuery() {
        InvalidRequestException e = assertThrows(InvalidRequestException.class,
                () -> valid().source(PaymentSource.paymentInstrument("../x?y")).build());
        assertTrue(e.hasErrorFor("source.id"));
    }

    @Test
    void neitherToStringNorExceptionShowsTheCardNumberOrSecurityCode() {
        CreditRequest request = valid().source(PaymentSource.card(PAN, CardExpiry.of(12, 2031), "737", CardBrand.VISA)).build();
        assertFalse(request.toString().contains(PAN));
        assertFalse(request.source().toString().contains(PAN));
        assertFalse(request.source().toString().contains("737"));
        assertTrue(request.source().toString().contains("1111"));
        InvalidRequestException e = assertThrows(InvalidRequestException.class,
                () -> valid().source(PaymentSource.card("4111111111111112", CardExpiry.of(12, 2031), "9999x", null)).build());
        assertFalse(e.getMessage().contains("4111111111111112"));
        assertFalse(e.getMessage().contains("9999x"));
    }

    @Test
    void extensionsAreTypedAndValidated() {
        record Indicator(String value) implements CreditExtension {
            @Override
            public void validate(String field, Validation v) {
                v.maxLength(field + ".value", value, 3);
            }
        }
        CreditRequest request = valid().extension(new Indicator("int")).build();
        assertEquals("int", request.extension(Indicator.class).orElseThrow().value());
        InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> valid().extension(new Indicator("internet")).build());
        assertEquals(List.of("extensions.Indicator.value"), e.errors().stream().map(FieldError::field).toList());
    }

    @Test
    void toBuilderKeepsTheIdempotencyKey() {
        CreditRequest request = valid().idempotencyKey("k-1").build();
        assertEquals("k-1", request.toBuilder().amount("11.00", "USD").build().idempotencyKey());
    }

    @Test
    void brandIsDetectedWhenNotGiven() {
        PaymentSource.Card card = PaymentSource.card(PAN, CardExpiry.of(1, 2030));
        assertEquals(CardBrand.VISA, card.brand().orElseThrow());
        assertEquals(CardBrand.MASTERCARD, CardBrand.detect("5500007287297385").orElseThrow());
        assertEquals(CardBrand.AMERICAN_EXPRESS, CardBrand.detect("341111227713933").orElseThrow());
        assertEquals(CardBrand.DISCOVER, CardBrand.detect("6011114305944707").orElseThrow());
    }

    @Test
    void aKeyTheCallerGaveIsMarkedAsSuchAndAGeneratedOneStaysGeneratedThroughToBuilder() {
        CreditRequest generated = CreditRequest.builder().amount("1.00", "USD").source(PaymentSource.customerToken("T1")).build();
        CreditRequest given = generated.toBuilder().idempotencyKey("order-42").build();
        assertTrue(generated.idempotencyKeyGenerated());
        assertTrue(generated.toBuilder().amount("2.00", "USD").build().idempotencyKeyGenerated());
        assertFalse(given.idempotencyKeyGenerated());
        assertFalse(given.toBuilder().build().idempotencyKeyGenerated());
    }
}
