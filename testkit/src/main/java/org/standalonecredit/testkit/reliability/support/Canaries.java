package org.standalonecredit.testkit.reliability.support;

import java.util.List;
import org.standalonecredit.simulator.commercehub.CommerceHubSimulator;
import org.standalonecredit.simulator.cybersource.CybersourceSimulator;

/**
 * Values that must never appear in a log line, a listener event, an exception message or a result: a card number,
 * its security code, and the simulators' default credentials (the fault matrix and soak add the subject's own).
 * The testkit's one canary card: the conformance suite's privacy check uses it too.
 */
public final class Canaries {
    /** A Luhn-valid Visa test number used only as a canary: its full digits must never be seen. */
    public static final String PAN = "4000056655665556";
    /** The canary security code; searched for as a whole token, since four digits occur inside random ids. */
    public static final String SECURITY_CODE = "9182";
    public static final List<String> SECRETS = List.of(
            CybersourceSimulator.DEFAULT_SHARED_SECRET,
            CommerceHubSimulator.DEFAULT_API_KEY,
            CommerceHubSimulator.DEFAULT_API_SECRET);

    private Canaries() {
    }
}
