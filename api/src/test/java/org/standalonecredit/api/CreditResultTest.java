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
    void aBuilderUsedAgainNeverChangesAResultItBuilt() {
        CreditResult.Builder b = approved().tokenId("customer", "C1").reference("apiTraceId", "T1");
        CreditResult first = b.build();
        CreditResult second = b.tokenId("customer", "C2").tokenId("instrument", "I2").reference("orderId", "O2").build();
        assertEquals(java.util.Map.of("customer", "C1"), first.tokenIds());
        assertEquals(java.util.Map.of("apiTraceId", "T1"), first.references());
        assertEquals(java.util.Map.of("customer", "C2", "instrument", "I2"), second.tokenIds());
        assertEquals(java.util.Map.of("apiTraceId", "T1", "orderId", "O2"), second.references());
        CreditResult third = first.toBuilder().reference("apiTraceId", "T3").build();
        assertEquals(java.util.Map.of("apiTraceId", "T1"), first.references());
        assertEquals(java.util.Map.of("apiTraceId", "T3"), third.references());
        assertThrows(UnsupportedOperationException.class, () -> first.tokenIds().put("x", "y"));
    }

    @Test
    void anUnknownOutcomeCannotBeBuiltWithoutReconciliation() {
        CreditResult.Builder b = CreditResult.builder().providerId("x").idempotencyKey("k").outcome(CreditOutcome.UNKNOWN, OutcomeDetail.NO_RESPONSE);
        assertThrows(IllegalStateException.class, b::build);
    }

    @Test
    void aBodyMaskedOnReadIsMaskedOnceAndTheSameEveryTime() {
        byte[] raw = "card 4111111111111111 declined".getBytes(StandardCharsets.UTF_8);
        java.util.concurrent.atomic.AtomicInteger maskings = new java.util.concurrent.atomic.AtomicInteger();
        CreditResult result = approved().maskedResponseBodyOnRead(() -> {
            maskings.incrementAndGet();
            return org.standalonecredit.api.privacy.Masking.maskText(new String(raw, StandardCharsets.UTF_8));
        }).build();
        assertEquals(0, maskings.get(), "nothing is masked before it is read");

        String shown = result.maskedResponseBody().orElseThrow();
        assertFalse(shown.contains("4111111111111111"), shown);
        assertTrue(shown.contains("411111"), shown);
        assertEquals(shown, result.maskedResponseBody().orElseThrow());
        assertEquals(1, maskings.get());
        assertEquals(shown, result.toBuilder().build().maskedResponseBody().orElseThrow());
        assertFalse(result.toString().contains("4111"), result.toString());
    }

    @Test
    void anAlreadyMaskedBodyIsKeptAsGivenAndNoBodyIsEmpty() {
        assertEquals(Optional.of("as given"), approved().maskedResponseBody("as given").build().maskedResponseBody());
        assertEquals(Optional.empty(), approved().build().maskedResponseBody());
        assertEquals(Optional.empty(), approved().maskedResponseBodyOnRead(null).build().maskedResponseBody());
    }
}
