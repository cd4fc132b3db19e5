package org.standalonecredit.visaacceptance;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;
import org.standalonecredit.cybersource.conformance.CybersourceFamilySubject;
import org.standalonecredit.testkit.conformance.ConformanceSuite;

/**
 * The testkit conformance suite against the Visa Acceptance provider as configured by default: with
 * the mass-transit rules on, so every credit carries a transaction id, the certification number and
 * an instrument identifier, and every other source kind must be refused before sending. In every mode of
 * authentication: {@code visa-acceptance}, {@code visa-acceptance[jwt+mle]}, {@code visa-acceptance[http-signature]}.
 */
class VisaAcceptanceConformanceTest {

    @TestFactory
    Stream<DynamicNode> conformance() {
        return CybersourceFamilySubject.registered("visa-acceptance").stream().map(s -> ConformanceSuite.of(s).named());
    }

}
