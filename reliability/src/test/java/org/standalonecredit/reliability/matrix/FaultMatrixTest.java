package org.standalonecredit.reliability.matrix;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;
import org.standalonecredit.testkit.reliability.FaultMatrix;
import org.standalonecredit.testkit.reliability.support.ProviderUnderTest;

/**
 * The testkit's fault matrix over every provider whose conformance subject is on the test class path. The leak scan
 * must see the library's DEBUG lines here: this module logs them to the console (simplelogger.properties).
 */
class FaultMatrixTest {

    @TestFactory
    Stream<DynamicNode> matrix() {
        return ProviderUnderTest.all().stream()
                .map(p -> DynamicContainer.dynamicContainer(p.id(), FaultMatrix.of(p.subject()).withLogScan().cells()));
    }
}
