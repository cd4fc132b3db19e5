package org.standalonecredit.cybersource;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;
import org.standalonecredit.cybersource.conformance.CybersourceFamilySubject;
import org.standalonecredit.testkit.conformance.ConformanceSuite;

/**
 * The testkit conformance suite, run against the Cybersource provider and simulator in every mode of authentication
 * ({@code cybersource}, {@code cybersource[jwt+mle]}, {@code cybersource[http-signature]}).
 */
class CybersourceConformanceTest {

    @TestFactory
    Stream<DynamicNode> conformance() {
        return CybersourceFamilySubject.registered("cybersource").stream().map(s -> ConformanceSuite.of(s).named());
    }

}
