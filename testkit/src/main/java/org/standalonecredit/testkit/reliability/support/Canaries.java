package org.standalonecredit.testkit.reliability.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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

    /** The shortest line of a PEM body searched for: a log might show a whole line, never a few characters of one. */
    static final int PEM_LINE = 40;

    private Canaries() {
    }

    /**
     * The values of a provider's configuration a leak scan must look for: each value whose key names a secret, an api
     * key or a password, a response private key ({@code mle.response-key}) or PKCS#12 material (a key containing
     * {@code p12}, except a {@code …-file} path). Of a PEM value, the base64 lines of its body of {@value #PEM_LINE}
     * characters or more: a log would never show the whole block, but might show a line of it. Key ids
     * ({@code key-id}, {@code mle.response-key-id}) name a key and are not secrets.
     */
    public static List<String> secretsIn(Map<String, String> configuration) {
        List<String> secrets = new ArrayList<>();
        configuration.forEach((key, value) -> {
            if (namesASecret(key) && value != null && !value.isBlank()) {
                for (String secret : value.contains("-----BEGIN ") ? pemLines(value) : List.of(value)) {
                    if (!secrets.contains(secret)) {
                        secrets.add(secret);
                    }
                }
            }
        });
        return List.copyOf(secrets);
    }

    private static boolean namesASecret(String key) {
        return key.matches(".*(secret|api-key|password).*") || key.endsWith("response-key")
                || (key.contains("p12") && !key.endsWith("-file"));
    }

    private static List<String> pemLines(String pem) {
        return pem.lines().map(String::strip).filter(line -> !line.startsWith("-----") && line.length() >= PEM_LINE).toList();
    }
}
