package org.standalonecredit.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.standalonecredit.simulator.Bodies;
import org.standalonecredit.simulator.Gateway;
import org.standalonecredit.simulator.SimHttp;
import org.standalonecredit.simulator.commercehub.CommerceHubSimulator;
import org.standalonecredit.simulator.cybersource.CybersourceSimulator;

class SimulatorMainTest {

    @Test
    void startsBothSimulatorsThatAnswer() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (SimulatorMain.Running running = SimulatorMain.start(
                new String[] {"--cybersource-port", "0", "--commercehub-port", "0"}, Map.of(),
                new PrintStream(out, true, StandardCharsets.UTF_8))) {
            String printed = out.toString(StandardCharsets.UTF_8);
            assertTrue(printed.contains(running.cybersource().baseUrl()), printed);
            assertTrue(printed.contains(running.commerceHub().baseUrl()), printed);
            assertFalse(printed.contains(CybersourceSimulator.DEFAULT_SHARED_SECRET), "secrets are never printed");
            assertFalse(printed.contains(CommerceHubSimulator.DEFAULT_API_SECRET));
            assertEquals(201, SimHttp.cybersourceCredit(running.cybersource(), Bodies.CYBERSOURCE_VECTOR_BODY).statusCode());
            assertEquals(201, SimHttp.commerceHub(running.commerceHub(), "/payments/v1/refunds", "crid",
                    Bodies.COMMERCE_HUB_VECTOR_BODY).statusCode());
            assertTrue(running.cybersource().settings().magicAmounts(), "magic amounts on for stand-alone use");
            assertEquals("DECLINED", SimHttp.json(SimHttp.cybersourceCredit(running.cybersource(),
                    Bodies.cybersourceCard("3.51", null, null))).get("status").asText());
        }
    }

    @Test
    void credentialsAndModesComeFromOptionsAndEnvironment() throws Exception {
        String secret = "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=";
        try (SimulatorMain.Running running = SimulatorMain.start(new String[] {"--cybersource-port", "0",
                        "--commercehub-port", "0", "--cybersource-merchant-id", "mymerchant", "--visa-acceptance-mass-transit",
                        "--commercehub-api-key", "KEY", "--commercehub-production", "--no-magic-amounts"},
                Map.of("SIM_CYBERSOURCE_SECRET", secret, "SIM_COMMERCEHUB_API_SECRET", "S3CRET"),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))) {
            CybersourceSimulator cs = running.cybersource();
            assertEquals("mymerchant", cs.merchantId());
            assertEquals(Gateway.VISA_ACCEPTANCE, cs.gateway());
            assertEquals(201, SimHttp.cybersourceCredit(cs, Bodies.MASS_TRANSIT).statusCode(), "signed with the env secret");
            CommerceHubSimulator ch = running.commerceHub();
            assertEquals(CommerceHubSimulator.Environment.PRODUCTION, ch.environment());
            assertFalse(ch.settings().magicAmounts());
            assertEquals(400, SimHttp.commerceHub(ch, "/payments/v1/refunds", "crid", Bodies.COMMERCE_HUB_VECTOR_BODY)
                    .statusCode(), "production refuses plain cards");
        }
    }

    @Test
    void helpAndBadOptions() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertNull(SimulatorMain.start(new String[] {"--help"}, Map.of(), new PrintStream(out, true, StandardCharsets.UTF_8)));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("--cybersource-port"));
        assertThrows(IllegalArgumentException.class, () -> SimulatorMain.start(new String[] {"--nope"}, Map.of(), System.out));
        assertThrows(IllegalArgumentException.class,
                () -> SimulatorMain.start(new String[] {"--cybersource-port"}, Map.of(), System.out));
        assertThrows(IllegalArgumentException.class,
                () -> SimulatorMain.start(new String[] {"--cybersource-port", "x"}, Map.of(), System.out));
    }
}
