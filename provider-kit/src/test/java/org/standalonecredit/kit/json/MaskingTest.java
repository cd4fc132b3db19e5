package org.standalonecredit.kit.json;

import org.standalonecredit.api.privacy.Masking;
import org.standalonecredit.api.privacy.CardNumbers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.standalonecredit.api.transport.Header;

class MaskingTest {
    private static final String PAN = "4111111111111111";

    @Test
    void jsonCardNumbersKeepAtMostFirstSixAndLastFour() {
        String masked = JsonMasking.maskBody(("{\"paymentInformation\":{\"card\":{\"number\":\"" + PAN
                + "\",\"securityCode\":\"737\",\"expirationMonth\":\"12\"}},\"source\":{\"cardData\":\"4005550000000019\"}}")
                .getBytes(StandardCharsets.UTF_8));
        assertFalse(masked.contains(PAN));
        assertFalse(masked.contains("737"));
        assertFalse(masked.contains("4005550000000019"));
        assertTrue(masked.contains("411111******1111"), masked);
        assertTrue(masked.contains("\"expirationMonth\":\"12\""), masked);
    }

    @Test
    void cardNumbersAnywhereInTextAreMasked() {
        String masked = Masking.maskText("<html>card " + PAN + " declined, \"cvv\": \"123\"</html>");
        assertFalse(masked.contains(PAN));
        assertFalse(masked.contains("\"123\""));
    }

    @Test
    void brokenJsonIsMaskedAsText() {
        String masked = JsonMasking.maskBody("{\"number\":\"" + PAN + "\",\"securityCode\":\"4321\"");
        assertFalse(masked.contains(PAN));
        assertFalse(masked.contains("4321"));
    }

    @Test
    void credentialHeadersAreRedacted() {
        List<Header> masked = Masking.maskHeaders(List.of(new Header("Authorization", "abc"), new Header("Signature", "keyid=\"k\""),
                new Header("Api-Key", "key"), new Header("Digest", "SHA-256=x"), new Header("Content-Type", "application/json")));
        assertEquals(List.of(new Header("Authorization", "[redacted]"), new Header("Signature", "[redacted]"), new Header("Api-Key", "[redacted]"),
                new Header("Digest", "[redacted]"), new Header("Content-Type", "application/json")), masked);
    }

    @Test
    void luhn() {
        assertTrue(CardNumbers.isLuhnValid(PAN));
        assertFalse(CardNumbers.isLuhnValid("4111111111111112"));
        assertEquals("****1111", CardNumbers.lastFourOnly(PAN));
    }
}
