package org.standalonecredit.api;

import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class CreditResultTest {

    @Test
    void anUnknownOutcomeCannotBeBuiltWithoutReconciliation() {
        CreditResult.Builder b = CreditResult.builder().providerId("x").idempotencyKey("k").outcome(CreditOutcome.UNKNOWN, OutcomeDetail.NO_RESPONSE);
        assertThrows(IllegalStateException.class, b::build);
    }
}
