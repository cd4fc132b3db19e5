package org.standalonecredit.commercehub;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;
import org.standalonecredit.testkit.conformance.ConformanceSuite;

/** The testkit conformance suite, run against the Commerce Hub provider and simulator. */
class CommerceHubConformanceTest {

    @TestFactory
    Stream<DynamicNode> conformance() {
        return ConformanceSuite.of(new CommerceHubSubject()).tests();
    }

}
