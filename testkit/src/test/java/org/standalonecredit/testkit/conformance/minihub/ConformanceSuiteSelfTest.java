package org.standalonecredit.testkit.conformance.minihub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.standalonecredit.testkit.conformance.ConformanceSuite;

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

    /** Runs every check of the suite for the flawed subject; returns the failed checks by name with their messages. */
    private static Map<String, String> failuresFor(String flaw) {
        Map<String, String> failures = new LinkedHashMap<>();
        ConformanceSuite.of(new MiniHubSubject(flaw)).tests().forEach(node -> run(node, failures));
        return failures;
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
