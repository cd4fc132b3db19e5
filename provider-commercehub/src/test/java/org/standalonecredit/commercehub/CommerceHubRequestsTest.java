package org.standalonecredit.commercehub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.standalonecredit.api.CardExpiry;
import org.standalonecredit.api.CreditRequest;
import org.standalonecredit.api.PaymentSource;
import org.standalonecredit.api.config.Secret;

class CommerceHubRequestsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    static CommerceHubSettings settings(boolean ecom, Optional<Boolean> captureFlag) {
        return new CommerceHubSettings(Secret.of("k"), Secret.of("s"), "100008000003683", "10000001",
                CommerceHubSettings.Environment.CERT, "https://connect-cert.fiservapis.com/ch", CommerceHubSettings.CREDITS_PATH,
                CommerceHubSettings.CardEncryption.PLAIN, ecom, captureFlag, true);
    }

    private static String write(CreditRequest request, boolean ecom, Optional<Boolean> captureFlag) {
        return new String(new CommerceHubRequests(settings(ecom, captureFlag)).withPlainSource(request), StandardCharsets.UTF_8);
    }

    @Test
    void reproducesTheSignedVectorBodyByteForByte() {
        CreditRequest request = TestGateways.cardCredit("12.04").merchantReference("123456789012").build();
        assertEquals(CommerceHubSignerTest.VECTOR_BODY, write(request, false, Optional.of(true)));
    }

    @ParameterizedTest
    @CsvSource({"12, USD, 12.00", "12.00, USD, 12.00", "1500, JPY, 1500", "1.25, KWD, 1.250", "9999999999.99, USD, 9999999999.99"})
    void writesTheTotalAsANumberAtTheCurrencysMinorUnits(String amount, String currency, String onWire) {
        CreditRequest request = TestGateways.cardCredit("1").amount(amount, currency).build();
        assertTrue(write(request, false, Optional.empty()).startsWith("{\"amount\":{\"total\":" + onWire + ",\"currency\":\"" + currency + "\"}"));
    }

    @Test
    void addsCardNotPresentInteractionByDefault() throws IOException {
        JsonNode body = JSON.readTree(write(TestGateways.cardCredit("5.00").build(), true, Optional.empty()));
        assertEquals("ECOM", body.at("/transactionInteraction/origin").asText());
        assertEquals("CHANNEL_ENCRYPTED", body.at("/transactionInteraction/eciIndicator").asText());
        assertEquals("CARD_NOT_PRESENT_ECOM", body.at("/transactionInteraction/posConditionCode").asText());
        assertTrue(body.path("transactionDetails").isMissingNode(), "no transaction details when there is nothing to say");
    }

    @Test
    void sendsNoSecurityCodeIndicatorWithoutACode() throws IOException {
        CreditRequest request = TestGateways.cardCredit("5.00")
                .source(PaymentSource.card(TestGateways.TEST_PAN, CardExpiry.of(12, 2031))).build();
        JsonNode card = JSON.readTree(write(request, false, Optional.empty())).at("/source/card");
        assertEquals("12", card.get("expirationMonth").asText());
        assertEquals("2031", card.get("expirationYear").asText());
        assertFalse(card.has("securityCode"));
        assertFalse(card.has("securityCodeIndicator"));
    }

    @Test
    void writesAGatewayTokenAsPaymentToken() throws IOException {
        CreditRequest request = TestGateways.cardCredit("5.00")
                .source(PaymentSource.gatewayToken("1234560000000019", "TRANSARMOR", CardExpiry.of(10, 2030))).build();
        JsonNode source = JSON.readTree(write(request, false, Optional.empty())).get("source");
        assertEquals(JSON.readTree("{\"sourceType\":\"PaymentToken\",\"tokenData\":\"1234560000000019\",\"tokenSource\":\"TRANSARMOR\","
                + "\"card\":{\"expirationMonth\":\"10\",\"expirationYear\":\"2030\"}}"), source);
    }

    @Test
    void mapsTransactionIdReferenceAndOptions() throws IOException {
        CreditRequest plain = TestGateways.cardCredit("5.00").transactionId("txn-42").merchantReference("INV-7").build();
        JsonNode details = JSON.readTree(write(plain, false, Optional.of(true))).get("transactionDetails");
        assertEquals(JSON.readTree("{\"captureFlag\":true,\"merchantTransactionId\":\"txn-42\",\"merchantInvoiceNumber\":\"INV-7\"}"), details);

        CreditRequest withOptions = TestGateways.cardCredit("5.00").merchantReference("refund-2024-000123")
                .extension(CommerceHubCreditOptions.builder().invoiceNumber("INV000123").captureFlag(false).build()).build();
        details = JSON.readTree(write(withOptions, false, Optional.of(true))).get("transactionDetails");
        assertEquals(JSON.readTree("{\"captureFlag\":false,\"merchantInvoiceNumber\":\"INV000123\",\"merchantOrderId\":\"refund-2024-000123\"}"),
                details);

        CreditRequest orderId = TestGateways.cardCredit("5.00").merchantReference("INV-8")
                .extension(CommerceHubCreditOptions.builder().orderId("order-8").build()).build();
        details = JSON.readTree(write(orderId, false, Optional.empty())).get("transactionDetails");
        assertEquals(JSON.readTree("{\"merchantInvoiceNumber\":\"INV-8\",\"merchantOrderId\":\"order-8\"}"), details);
    }

    @Test
    void anEncryptedCardCarriesNoCardDataInTheClear() throws IOException {
        CreditRequest request = TestGateways.cardCredit("5.00").build();
        byte[] bytes = new CommerceHubRequests(settings(false, Optional.empty())).withEncryptedCard(request,
                new CardEncryptor.EncryptedCard("Y2lwaGVy", "card.cardData:16,card.expirationMonth:2", "key-1"));
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertFalse(text.contains(TestGateways.TEST_PAN));
        assertFalse(text.contains("\"card\""));
        assertEquals(JSON.readTree("{\"sourceType\":\"PaymentCard\",\"encryptionData\":{\"encryptionType\":\"RSA\",\"encryptionTarget\":\"MANUAL\","
                + "\"encryptionBlock\":\"Y2lwaGVy\",\"encryptionBlockFields\":\"card.cardData:16,card.expirationMonth:2\",\"keyId\":\"key-1\"}}"),
                JSON.readTree(text).get("source"));
    }
}
