package org.standalonecredit.example;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.standalonecredit.testkit.reliability.FaultMatrix;
import org.standalonecredit.testkit.reliability.Soak;

/** The testkit's fault matrix and a 300-credit soak against ExamplePay and its simulator, in this module's own build. */
class ExampleReliabilityTest {

    @TestFactory
    Stream<DynamicNode> faultMatrix() {
        return FaultMatrix.of(new ExampleSubject()).cells();
    }

    @TestFactory
    DynamicTest soak() {
        return Soak.of(new ExampleSubject()).credits(300).callers(8).test();
    }
}
