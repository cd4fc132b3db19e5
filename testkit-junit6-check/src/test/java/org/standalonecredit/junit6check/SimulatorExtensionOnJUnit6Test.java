package org.standalonecredit.junit6check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.standalonecredit.api.CreditGateway;
import org.standalonecredit.api.CreditResult;
import org.standalonecredit.api.StandaloneCredit;
import org.standalonecredit.api.config.ConfigSource;
import org.standalonecredit.example.ExampleProvider;
import org.standalonecredit.example.ExampleSimulator;
import org.standalonecredit.example.ExampleSubject;
import org.standalonecredit.testkit.junit.SimulatorExtension;

/** The testkit's JUnit extension (its lifecycle callbacks) on JUnit 6: one simulator per class, reset before each test. */
class SimulatorExtensionOnJUnit6Test {

    @RegisterExtension
    static final SimulatorExtension<ExampleSimulator> EXAMPLE_PAY = SimulatorExtension.perClass(() -> ExampleSimulator.builder().build());

    private final ExampleSubject subject = new ExampleSubject();

    @Test
    void aCreditReachesTheSimulatorTheExtensionStarted() {
        credit("10.00");
        assertEquals(1, EXAMPLE_PAY.simulator().ledger().size());
    }

    @Test
    void theLedgerIsResetBeforeEachTest() {
        credit("12.00");
        assertEquals(1, EXAMPLE_PAY.simulator().ledger().size(), "the other test's credit is gone");
    }

    private void credit(String amount) {
        Map<String, String> config = new HashMap<>(subject.configuration(EXAMPLE_PAY.baseUrl()));
        config.put("credit.gateway", ExampleProvider.ID);
        try (CreditGateway gateway = StandaloneCredit.open(ConfigSource.fromMap(config))) {
            CreditResult result = gateway.credit(subject.validRequest(amount, "USD").build());
            assertTrue(result.outcome().isSuccess(), result.toString());
        }
    }
}
