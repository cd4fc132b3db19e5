package org.standalonecredit.testkit.conformance.minihub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.standalonecredit.simulator.Behaviour;
import org.standalonecredit.simulator.RecordedRequest;
import org.standalonecredit.testkit.conformance.ConformanceSubject;
import org.standalonecredit.testkit.conformance.ConformanceSuite;
import org.standalonecredit.testkit.conformance.SimulatedGateway;

/** The suite passes a correct provider and catches each deliberate flaw with a clear message. */
class ConformanceSuiteSelfTest {

    @TestFactory
    Stream<DynamicNode> aCorrectProviderPasses() {
        return ConformanceSuite.of(new MiniHubSubject()).tests();
    }

    @Test
    void aWrongAmountScaleIsCaught() {
        Map<String, String> failures = failuresFor("wrong-scale");
        assertTrue(failures.keySet().containsAll(java.util.List.of("JPY (0 decimals)", "USD (2 decimals)", "KWD (3 decimals)")), failures.toString());
        assertTrue(failures.get("USD (2 decimals)").contains("minor units"), failures.get("USD (2 decimals)"));
        assertTrue(failures.get("USD (2 decimals)").contains("10.5000"), failures.get("USD (2 decimals)"));
    }

    @Test
    void aLeakedCardNumberIsCaught() {
        Map<String, String> failures = failuresFor("leak-pan");
        assertEquals(java.util.Set.of("leaks no card number, security code or secret"), failures.keySet());
        String message = failures.values().iterator().next();
        assertTrue(message.contains("in a log line"), message);
        assertTrue(!message.contains("4000056655665556"), "the report itself must not print the canary");
    }

    @Test
    void aRetryThatCreditsTwiceIsCaught() {
        Map<String, String> failures = failuresFor("double-credit");
        assertTrue(failures.containsKey("CLOSE_CONNECTION"), failures.toString());
        assertTrue(failures.get("CLOSE_CONNECTION").contains("exactly one credit, not 2"), failures.get("CLOSE_CONNECTION"));
    }

    @Test
    void aSimulatorWhoseCreditPredicateMissesTheProvidersPathSaysSo() {
        MiniHubSubject blind = new MiniHubSubject() {
            @Override
            public SimulatedGateway startSimulator() {
                return new CreditBlindGateway(super.startSimulator());
            }
        };
        Map<String, String> failures = failuresFor(blind);
        String message = failures.get("USD (2 decimals)");
        assertTrue(message != null && message.startsWith("the simulator received 1 request(s) but none matched its credit path predicate"),
                failures.toString());
        assertTrue(message.contains("POST /payments/v1/credits"), message);
    }

    /** Runs every check of the suite for the flawed subject; returns the failed checks by name with their messages. */
    private static Map<String, String> failuresFor(String flaw) {
        return failuresFor(new MiniHubSubject(flaw));
    }

    private static Map<String, String> failuresFor(ConformanceSubject subject) {
        Map<String, String> failures = new LinkedHashMap<>();
        ConformanceSuite.of(subject).tests().forEach(node -> run(node, failures));
        return failures;
    }

    /** A simulator whose credit predicate recognises nothing, as one written for another path would. */
    private record CreditBlindGateway(SimulatedGateway real) implements SimulatedGateway {
        @Override
        public String baseUrl() {
            return real.baseUrl();
        }

        @Override
        public void respondNext(Behaviour behaviour) {
            real.respondNext(behaviour);
        }

        @Override
        public void respondAlways(Behaviour behaviour) {
            real.respondAlways(behaviour);
        }

        @Override
        public void echoWrongAmountNext() {
            real.echoWrongAmountNext();
        }

        @Override
        public void reset() {
            real.reset();
        }

        @Override
        public int creditsInLedger() {
            return real.creditsInLedger();
        }

        @Override
        public List<RecordedRequest> creditRequests() {
            return List.of();
        }

        @Override
        public List<RecordedRequest> allRequests() {
            return real.allRequests();
        }

        @Override
        public void close() {
            real.close();
        }
    }

    private static void run(DynamicNode node, Map<String, String> failures) {
        if (node instanceof DynamicContainer container) {
            container.getChildren().forEach(child -> run(child, failures));
        } else if (node instanceof DynamicTest test) {
            try {
                test.getExecutable().execute();
            } catch (Throwable t) {
                failures.put(test.getDisplayName(), String.valueOf(t.getMessage()));
            }
        }
    }
}
