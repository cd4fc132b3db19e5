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
import org.opentest4j.TestAbortedException;
import org.standalonecredit.testkit.conformance.ConformanceFeature;
import org.standalonecredit.testkit.conformance.ConformanceSubject;
import org.standalonecredit.testkit.conformance.ConformanceSuite;
import org.standalonecredit.testkit.conformance.SimulatedGateway;

/** The suite passes a correct provider and catches each deliberate flaw with a clear message. */
class ConformanceSuiteSelfTest {
    private static final String JPY = "[wire] amounts at minor units: JPY";
    private static final String USD = "[wire] amounts at minor units: USD";

    @Test
    void checksThatDoNotApplyAreSkippedWithAReasonAndSuppressedOnesNeverPass() {
        Map<String, String> skipped = new LinkedHashMap<>();
        Map<String, String> failures = new LinkedHashMap<>();
        ConformanceSuite.of(new MiniHubSubject()).withFeatures(ConformanceFeature.CARD_SOURCE, ConformanceFeature.VOID)
                .suppressing(JPY).tests().forEach(node -> run(node, failures, skipped));
        assertEquals(Map.of(), failures);
        assertEquals(java.util.Set.of(JPY, "[idempotency] a re-submission with the same key credits once",
                "[follow-ups] refuses an undeclared void before any HTTP call"), skipped.keySet());
        assertTrue(skipped.get(JPY).contains("suppressed"), skipped.get(JPY));
        assertTrue(skipped.get("[idempotency] a re-submission with the same key credits once")
                .contains("does not have feature DEDUPLICATION (stated with withFeatures)"), skipped.toString());
    }

    @Test
    void featuresAreDerivedFromTheDeclaredCapabilities() {
        assertEquals(java.util.Set.of(ConformanceFeature.CARD_SOURCE, ConformanceFeature.DEDUPLICATION),
                ConformanceSuite.of(new MiniHubSubject()).features());
    }

    @Test
    void everyCheckNamesItsGroup() {
        Map<String, String> names = new LinkedHashMap<>();
        ConformanceSuite.of(new MiniHubSubject()).tests().forEach(node -> names.put(node.getDisplayName(), ""));
        assertTrue(names.keySet().stream().allMatch(n -> n.matches("\\[[a-z-]+\\] .+")), names.keySet().toString());
    }

    @TestFactory
    Stream<DynamicNode> aCorrectProviderPasses() {
        return ConformanceSuite.of(new MiniHubSubject()).tests();
    }

    @Test
    void aWrongAmountScaleIsCaught() {
        Map<String, String> failures = failuresFor("wrong-scale");
        assertTrue(failures.keySet().containsAll(java.util.List.of(JPY, USD, "[wire] amounts at minor units: KWD")), failures.toString());
        assertTrue(failures.get(USD).contains("minor units"), failures.get(USD));
        assertTrue(failures.get(USD).contains("10.5000"), failures.get(USD));
    }

    @Test
    void aLeakedCardNumberIsCaught() {
        Map<String, String> failures = failuresFor("leak-pan");
        assertEquals(java.util.Set.of("[privacy] leaks no card number, security code or secret"), failures.keySet());
        String message = failures.values().iterator().next();
        assertTrue(message.contains("in a log line"), message);
        assertTrue(!message.contains("4000056655665556"), "the report itself must not print the canary");
    }

    @Test
    void aRetryThatCreditsTwiceIsCaught() {
        Map<String, String> failures = failuresFor("double-credit");
        String lost = "[idempotency] never credits twice when the answer is lost: CLOSE_CONNECTION";
        assertTrue(failures.containsKey(lost), failures.toString());
        assertTrue(failures.get(lost).contains("exactly one credit, not 2"), failures.get(lost));
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
        String message = failures.get(USD);
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
        ConformanceSuite.of(subject).tests().forEach(node -> run(node, failures, new LinkedHashMap<>()));
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

    private static void run(DynamicNode node, Map<String, String> failures, Map<String, String> skipped) {
        if (node instanceof DynamicContainer container) {
            container.getChildren().forEach(child -> run(child, failures, skipped));
        } else if (node instanceof DynamicTest test) {
            try {
                test.getExecutable().execute();
            } catch (TestAbortedException skip) {
                skipped.put(test.getDisplayName(), String.valueOf(skip.getMessage()));
            } catch (Throwable t) {
                failures.put(test.getDisplayName(), String.valueOf(t.getMessage()));
            }
        }
    }
}
