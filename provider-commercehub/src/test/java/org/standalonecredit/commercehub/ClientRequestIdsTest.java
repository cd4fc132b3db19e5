package org.standalonecredit.commercehub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class ClientRequestIdsTest {

    @Test
    void aUuidKeyIsTheClientRequestId() {
        assertEquals("5d8b2d2a-6f5e-4a7c-9f0e-1b2c3d4e5f60", ClientRequestIds.forIdempotencyKey("5d8b2d2a-6f5e-4a7c-9f0e-1b2c3d4e5f60"));
    }

    /** Idempotency keys are compared exactly: two that differ only in letter case are two credits, so two ids. */
    @Test
    void keysDifferingOnlyInLetterCaseGetDifferentIds() {
        String lower = ClientRequestIds.forIdempotencyKey("5d8b2d2a-6f5e-4a7c-9f0e-1b2c3d4e5f60");
        String upper = ClientRequestIds.forIdempotencyKey("5D8B2D2A-6F5E-4A7C-9F0E-1B2C3D4E5F60");
        String mixed = ClientRequestIds.forIdempotencyKey("5d8b2d2a-6f5e-4a7c-9f0e-1B2C3D4E5F60");
        assertNotEquals(lower, upper);
        assertNotEquals(lower, mixed);
        assertNotEquals(upper, mixed);
        assertEquals(upper, ClientRequestIds.forIdempotencyKey("5D8B2D2A-6F5E-4A7C-9F0E-1B2C3D4E5F60"), "and the same key the same id");
        assertNotEquals(ClientRequestIds.forIdempotencyKey("Order-1"), ClientRequestIds.forIdempotencyKey("order-1"));
    }

    @Test
    void anyOtherKeyBecomesTheSameUuidEveryTime() {
        String id = ClientRequestIds.forIdempotencyKey("order-123:refund-1");
        assertEquals(id, ClientRequestIds.forIdempotencyKey("order-123:refund-1"));
        assertEquals(id, UUID.fromString(id).toString());
        assertNotEquals(id, ClientRequestIds.forIdempotencyKey("order-123:refund-2"));
    }
}
