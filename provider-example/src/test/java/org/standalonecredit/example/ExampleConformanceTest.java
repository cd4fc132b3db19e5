package org.standalonecredit.example;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;
import org.standalonecredit.testkit.conformance.ConformanceSuite;

/** The testkit conformance suite against ExamplePay and its simulator: the file a new provider copies first. */
class ExampleConformanceTest {

    @TestFactory
    Stream<DynamicNode> conformance() {
        return ConformanceSuite.of(new ExampleSubject()).tests();
    }

}
