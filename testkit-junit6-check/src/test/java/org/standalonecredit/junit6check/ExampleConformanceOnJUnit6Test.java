package org.standalonecredit.junit6check;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;
import org.standalonecredit.example.ExampleSubject;
import org.standalonecredit.testkit.conformance.ConformanceSuite;

/** provider-example's conformance run, exactly as its own build has it, but on JUnit 6. */
class ExampleConformanceOnJUnit6Test {

    @TestFactory
    Stream<DynamicNode> conformance() {
        return ConformanceSuite.of(new ExampleSubject()).tests();
    }
}
