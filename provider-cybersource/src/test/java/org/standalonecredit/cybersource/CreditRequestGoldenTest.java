package org.standalonecredit.cybersource;

import org.standalonecredit.testkit.fakes.ScriptedTransport;
import org.standalonecredit.testkit.fakes.Seeds;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.standalonecredit.api.BillingAddress;
import org.standalonecredit.api.CardBrand;
import org.standalonecredit.api.CardExpiry;
import org.standalonecredit.api.CreditGateway;
import org.standalonecredit.api.CreditRequest;
import org.standalonecredit.api.PartnerIds;
import org.standalonecredit.api.PaymentSource;

/** Neutral requests must put exactly the seed documents' request JSON on the wire: same fields, same values, nothing else. */
class CreditRequestGoldenTest {
    private final ScriptedTransport transport = new ScriptedTransport();

    private JsonNode sentBodyFor(CreditRequest request) {
        transport.answer(201, Seeds.text("000-customer-token-response.json"));
        try (CreditGateway gateway = TestGateways.cybersource(transport)) {
            gateway.credit(request);
        }
        return Seeds.tree(transport.body(0));
    }

    @Test
    void seed000CreditWithACustomerToken() {
        CreditRequest request = CreditRequest.builder().amount("10.00", "USD")
                .source(PaymentSource.customerToken("F45FB3E443AC3C57E053A2598D0A9CFF"))
                .merchantReference("12345678").build();
        assertEquals(Seeds.json("000-customer-token-request.json"), sentBodyFor(request));
    }

    @Test
    void seed001CreditWithACustomerTokenAndProcessingOptions() {
        CreditRequest request = CreditRequest.builder().amount("1.00", "USD")
                .source(PaymentSource.customerToken("F45FB3E443AC3C57E053A2598D0A9CFF"))
                .merchantReference("RTS-Auth")
                .extension(CybersourceCreditOptions.builder().capture(false).commerceIndicator("internet").build())
                .build();
        assertEquals(Seeds.json("001-customer-token-options-request.json"), sentBodyFor(request));
    }

    @Test
    void seed002CreditWithAnInstrumentIdentifier() {
        CreditRequest request = CreditRequest.builder().amount("200.00", "THB")
                .source(PaymentSource.instrumentIdentifier("DCED1B858116F177E053AF598E0AA10A", CardExpiry.of(3, 2031), CardBrand.VISA))
                .transactionId("43987654321")
                .partner(PartnerIds.certification("123456789012"))
                .build();
        assertEquals(Seeds.json("002-instrument-identifier-request.json"), sentBodyFor(request));
    }

    @Test
    void aPlainCardAsInTheProtocolNotesSigningVector() {
        CreditRequest request = CreditRequest.builder().amount("10.00", "USD")
                .source(PaymentSource.card("4111111111111111", CardExpiry.of(12, 2031)))
                .merchantReference("refund-0001").build();
        assertEquals(Seeds.tree("{\"clientReferenceInformation\":{\"code\":\"refund-0001\"},\"orderInformation\":{\"amountDetails\":"
                + "{\"totalAmount\":\"10.00\",\"currency\":\"USD\"}},\"paymentInformation\":{\"card\":{\"number\":\"4111111111111111\","
                + "\"expirationMonth\":\"12\",\"expirationYear\":\"2031\",\"type\":\"001\"}}}"), sentBodyFor(request));
    }

    @Test
    void aCardWithSecurityCodeBillingAddressAndEveryReference() {
        CreditRequest request = CreditRequest.builder().amount("100.00", "EUR")
                .source(PaymentSource.card("5555555555554444", CardExpiry.of(1, 2030), "123", CardBrand.MASTERCARD))
                .merchantReference("R-1").transactionId("T-1").comments("goodwill")
                .partner(new PartnerIds("CERT-1", "SOL-1"))
                .billTo(BillingAddress.builder().firstName("Kyong-Jin").lastName("Kim").address1("201 S. Division St.")
                        .locality("Ann Arbor").administrativeArea("MI").postalCode("48104-2201").country("US")
                        .email("test@cybs.com").build())
                .build();
        assertEquals(Seeds.tree("{\"clientReferenceInformation\":{\"code\":\"R-1\",\"transactionId\":\"T-1\",\"comments\":\"goodwill\","
                + "\"partner\":{\"thirdPartyCertificationNumber\":\"CERT-1\",\"solutionId\":\"SOL-1\"}},"
                + "\"paymentInformation\":{\"card\":{\"number\":\"5555555555554444\",\"expirationMonth\":\"01\",\"expirationYear\":\"2030\","
                + "\"type\":\"002\",\"securityCode\":\"123\"}},"
                + "\"orderInformation\":{\"amountDetails\":{\"totalAmount\":\"100.00\",\"currency\":\"EUR\"},"
                + "\"billTo\":{\"firstName\":\"Kyong-Jin\",\"lastName\":\"Kim\",\"address1\":\"201 S. Division St.\",\"locality\":\"Ann Arbor\","
                + "\"administrativeArea\":\"MI\",\"postalCode\":\"48104-2201\",\"country\":\"US\",\"email\":\"test@cybs.com\"}}}"),
                sentBodyFor(request));
    }

    @Test
    void aPaymentInstrumentToken() {
        CreditRequest request = CreditRequest.builder().amount("5", "JPY")
                .source(PaymentSource.paymentInstrument("F45FE45E7993C7DBE053A2598D0AED19")).build();
        assertEquals(Seeds.tree("{\"paymentInformation\":{\"paymentInstrument\":{\"id\":\"F45FE45E7993C7DBE053A2598D0AED19\"}},"
                + "\"orderInformation\":{\"amountDetails\":{\"totalAmount\":\"5\",\"currency\":\"JPY\"}}}"), sentBodyFor(request));
    }

    @Test
    void amountsGoAsStringsAtTheCurrencysMinorUnits() {
        CreditRequest request = CreditRequest.builder().amount("1.25", "KWD")
                .source(PaymentSource.customerToken("C1")).build();
        JsonNode amount = sentBodyFor(request).at("/orderInformation/amountDetails/totalAmount");
        assertEquals(true, amount.isTextual());
        assertEquals("1.250", amount.asText());
    }
}
