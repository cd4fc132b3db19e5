package org.standalonecredit.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CreditResultTest {

    private static CreditResult.Builder approved() {
        return CreditResult.builder().providerId("x").idempotencyKey("k").outcome(CreditOutcome.APPROVED);
    }

    @Test
    void anUnknownOutcomeCannotBeBuiltWithoutReconciliation() {
        CreditResult.Builder b = CreditResult.builder().providerId("x").idempotencyKey("k").outcome(CreditOutcome.UNKNOWN, OutcomeDetail.NO_RESPONSE);
        assertThrows(IllegalStateException.class, b::build);
    }

    @Test
    void aRawResponseBodyIsShownMaskedAndTheSameEveryTime() {
        byte[] raw = "{\"id\":\"123\",\"card\":{\"number\":\"4111111111111111\",\"securityCode\":\"123\"}}"
                .getBytes(StandardCharsets.UTF_8);
        CreditResult result = approved().responseBody(raw).build();

        String shown = result.maskedResponseBody().orElseThrow();
        assertFalse(shown.contains("4111111111111111"), shown);
        assertFalse(shown.contains("\"123\"}"), shown);
        assertTrue(shown.contains("411111"), shown);
        assertEquals(shown, result.maskedResponseBody().orElseThrow());
        assertEquals(shown, result.toBuilder().build().maskedResponseBody().orElseThrow());
        assertFalse(result.toString().contains("4111"), result.toString());
    }

    @Test
    void anAlreadyMaskedBodyIsKeptAsGivenAndNoBodyIsEmpty() {
        assertEquals(Optional.of("as given"), approved().maskedResponseBody("as given").build().maskedResponseBody());
        assertEquals(Optional.empty(), approved().build().maskedResponseBody());
        assertEquals(Optional.empty(), approved().responseBody(null).build().maskedResponseBody());
    }
}
