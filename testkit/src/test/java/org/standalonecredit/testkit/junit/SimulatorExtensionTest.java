package org.standalonecredit.testkit.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.standalonecredit.simulator.Behaviour;
import org.standalonecredit.simulator.Bodies;
import org.standalonecredit.simulator.SimHttp;
import org.standalonecredit.simulator.commercehub.CommerceHubSimulator;
import org.standalonecredit.simulator.cybersource.CybersourceSimulator;

class SimulatorExtensionTest {

    @RegisterExtension
    static final SimulatorExtension<CybersourceSimulator> CYBERSOURCE = SimulatorExtension.cybersource();

    static int firstPort;

    @RepeatedTest(3)
    void perClassSimulatorIsSharedAndResetBetweenTests() throws Exception {
        CybersourceSimulator sim = CYBERSOURCE.simulator();
        if (firstPort == 0) {
            firstPort = sim.port();
        }
        assertEquals(firstPort, sim.port(), "same simulator for the whole class");
        assertEquals(0, sim.ledger().size(), "state reset before each test");
        assertTrue(sim.script().rules().isEmpty());
        sim.script().always().respond(Behaviour.APPROVE);
        assertEquals(201, SimHttp.cybersourceCredit(sim, Bodies.CYBERSOURCE_VECTOR_BODY).statusCode());
        assertEquals(1, sim.ledger().size());
    }

    @Nested
    class PerTest {
        @RegisterExtension
        final SimulatorExtension<CommerceHubSimulator> commerceHub =
                SimulatorExtension.perTest(() -> CommerceHubSimulator.builder().build());

        @Test
        void freshSimulatorPerTest() throws Exception {
            CommerceHubSimulator sim = commerceHub.simulator();
            assertTrue(sim.isRunning());
            assertNotEquals(CYBERSOURCE.simulator().port(), sim.port());
            assertEquals(201, SimHttp.commerceHub(sim, "/payments/v1/refunds", "crid", Bodies.COMMERCE_HUB_VECTOR_BODY)
                    .statusCode());
            assertTrue(commerceHub.baseUrl().startsWith("http://127.0.0.1:"));
        }
    }

    @Test
    void lifecycleOutsideJUnit() {
        SimulatorExtension<CybersourceSimulator> ext = SimulatorExtension.perTest(() -> CybersourceSimulator.builder().build());
        assertThrows(IllegalStateException.class, ext::simulator);
        ext.beforeEach(null);
        CybersourceSimulator sim = ext.simulator();
        assertTrue(sim.isRunning());
        ext.afterEach(null);
        assertFalse(sim.isRunning());
        assertThrows(IllegalStateException.class, ext::simulator);
    }
}
