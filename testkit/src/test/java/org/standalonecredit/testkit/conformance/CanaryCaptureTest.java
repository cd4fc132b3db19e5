package org.standalonecredit.testkit.conformance;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** A four-digit security code inside a random id or a timestamp is chance, not a leak; on its own it is one. */
class CanaryCaptureTest {
    @Test
    void aSecurityCodeCountsOnlyAsAWholeToken() {
        assertFalse(CanaryCapture.shows("\"transactionId\":\"84108374e94a760ae2759182c52e36cd\"", "9182"));
        assertFalse(CanaryCapture.shows("Timestamp: 1764591820000", "9182"));
        assertFalse(CanaryCapture.shows("Client-Request-Id: 5d8b2d2a-9182-4a7c-9f0e-1b2c3d4e5f60", "9182"));
        assertTrue(CanaryCapture.shows("{\"securityCode\":\"9182\"}", "9182"));
        assertTrue(CanaryCapture.shows("cvv=9182 declined", "9182"));
        assertTrue(CanaryCapture.shows("card 4000056655665556", "4000056655665556"));
    }
}
