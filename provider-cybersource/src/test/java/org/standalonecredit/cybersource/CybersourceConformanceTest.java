package org.standalonecredit.cybersource;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;
import org.standalonecredit.testkit.conformance.ConformanceSuite;

/** The testkit conformance suite, run against the Cybersource provider and simulator. */
class CybersourceConformanceTest {

    @TestFactory
    Stream<DynamicNode> conformance() {
        return ConformanceSuite.of(new CybersourceSubject()).tests();
    }

}
