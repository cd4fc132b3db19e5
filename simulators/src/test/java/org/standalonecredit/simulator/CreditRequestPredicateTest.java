package org.standalonecredit.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.standalonecredit.simulator.commercehub.CommerceHubSimulator;
import org.standalonecredit.simulator.cybersource.CybersourceSimulator;

/** Each simulator says which requests are credits, so tools never need to know a gateway's paths. */
class CreditRequestPredicateTest {

    private static RecordedRequest request(String method, String path) {
        return new RecordedRequest(0, Instant.EPOCH, method, path, Map.of(), new byte[0]);
    }

    @Test
    void cybersourceCountsOnlyItsCreditRoute() {
        try (CybersourceSimulator sim = CybersourceSimulator.builder().build()) {
            assertTrue(sim.isCreditRequest(request("POST", "/pts/v2/credits")));
            assertTrue(sim.isCreditRequest(request("POST", "/pts/v2/credits?x=1")));
            assertFalse(sim.isCreditRequest(request("GET", "/pts/v2/credits")));
            assertFalse(sim.isCreditRequest(request("POST", "/pts/v2/credits/abc/voids")));
            assertFalse(sim.isCreditRequest(request("POST", "/payments/v1/credits")));
        }
    }

    @Test
    void commerceHubCountsCreditsAndRefundsWithOrWithoutItsPrefix() {
        try (CommerceHubSimulator sim = CommerceHubSimulator.builder().build()) {
            assertTrue(sim.isCreditRequest(request("POST", "/payments/v1/credits")));
            assertTrue(sim.isCreditRequest(request("POST", "/ch/payments/v1/refunds")));
            assertFalse(sim.isCreditRequest(request("POST", "/payments/v1/cancels")));
            assertFalse(sim.isCreditRequest(request("POST", "/pts/v2/credits")));
        }
    }

    @Test
    void aGatewayThisProjectDoesNotKnowIsNamedByItsId() {
        GatewayId example = GatewayId.of("examplepay");
        assertEquals("examplepay", example.id());
        assertEquals(example, GatewayId.of("examplepay"));
        assertNotEquals(Gateway.CYBERSOURCE, GatewayId.of("cybersource"));
        assertThrows(IllegalArgumentException.class, () -> GatewayId.of("Example Pay"));
    }
}
