package org.standalonecredit.commercehub;

import org.standalonecredit.kit.json.JsonReads;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.standalonecredit.api.CreditGateway;
import org.standalonecredit.api.CreditOutcome;
import org.standalonecredit.api.CreditResult;
import org.standalonecredit.api.FollowUpOutcome;
import org.standalonecredit.api.GatewayError;
import org.standalonecredit.api.StatusQuery;
import org.standalonecredit.api.VoidRequest;

/** What the answer fuzzers found, pinned down (FUZZING.md); their inputs are in the fuzz corpus too. */
class FuzzFindingsTest {
    private static final String PAN = "4111111111111111";
    private final TestGateways env = new TestGateways();

    @Test
    void aRefusedVoidWhoseErrorHasNoCodeIsRejectedInsteadOfANullPointerException() {
        env.transport.answer(400, "{\"error\":[{\"type\":\"GATEWAY\",\"message\":\"Something went wrong\"}]}")
                .answer(400, "{\"error\":[\"plain text\"]}");
        try (CreditGateway gateway = env.gateway()) {
            assertEquals(FollowUpOutcome.REJECTED, gateway.voidCredit(VoidRequest.ofCredit("84356531338")).outcome());
            assertEquals(FollowUpOutcome.REJECTED, gateway.status(StatusQuery.byGatewayTransactionId("84356531338")).outcome());
        }
    }

    @Test
    void errorTextAndCodesAreMaskedLikeMessages() {
        env.transport.answer(400, "{\"error\":[\"card " + PAN + " refused\",{\"type\":\"" + PAN + "\",\"message\":\"x\"}]}");
        CreditResult result;
        try (CreditGateway gateway = env.gateway()) {
            result = gateway.credit(TestGateways.cardCredit("12.04").build());
        }
        assertEquals(CreditOutcome.REJECTED, result.outcome());
        assertEquals(2, result.errors().size());
        for (GatewayError e : result.errors()) {
            assertFalse(e.toString().contains(PAN), e.toString());
        }
        assertEquals("card 411111******1111 refused", result.responseMessage().orElseThrow());
        assertEquals("411111******1111", result.errors().get(1).code());
    }

    @Test
    void anApprovedAmountWithAHugeExponentIsLeftOutInsteadOfANegativeArraySizeException() {
        env.transport.answer(201, TestGateways.approved("1E+2147483647", "USD"));
        CreditResult result;
        try (CreditGateway gateway = env.gateway()) {
            result = gateway.credit(TestGateways.cardCredit("12.04").build());
        }
        assertTrue(result.creditedAmount().isEmpty());
        assertTrue(result.toString().length() < 1000);
        JsonReads.Decimal huge = JsonReads.decimal(JsonReads.parse(CommerceHubProvider.JSON,
                "{\"t\":\"1e999999999\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8)).orElseThrow(), "/t");
        assertEquals(null, huge.value());
        assertTrue(huge.unreadable());
    }
}
