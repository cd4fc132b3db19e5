package org.standalonecredit.cybersource.conformance;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import org.standalonecredit.cybersource.CybersourceSettings;
import org.standalonecredit.simulator.RecordedRequest;
import org.standalonecredit.simulator.cybersource.CybersourceSimulator;
import org.standalonecredit.simulator.cybersource.JwtMleKeys;
import org.standalonecredit.testkit.conformance.ConformanceSubject;
import org.standalonecredit.testkit.conformance.SimulatedGateway;
import org.standalonecredit.testkit.conformance.SimulatorBackedGateway;

/**
 * A Cybersource-family provider (Cybersource, Visa Acceptance) as the conformance suite, the fault matrix and the soak
 * drive it, in one {@link Mode} of authentication against the Cybersource simulator with its default credentials and
 * keys. Each mode is a subject of its own ({@link ConformanceSubject#variant()}): a provider's test jar registers one
 * subclass per mode for ServiceLoader, and its conformance test runs every one ({@link #registered}). In a package of
 * its own, which the provider's module does not have, so that Visa Acceptance's tests can use it from this test jar.
 */
public abstract class CybersourceFamilySubject implements ConformanceSubject {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** How the provider authenticates, by configuration ({@code credit.<provider>.authentication}, {@code mle.*}). */
    public enum Mode {
        /** JWT signed with the shared secret, the default: the provider's subject without a variant. */
        JWT(""),
        /** JWT with message-level encryption both ways: requests to the gateway's certificate, answers to the merchant's key. */
        JWT_MLE("jwt+mle"),
        /** HTTP Signature, which Cybersource retires. */
        HTTP_SIGNATURE(CybersourceSettings.HTTP_SIGNATURE);

        private final String variant;

        Mode(String variant) {
            this.variant = variant;
        }
    }

    private final String providerId;
    private final Mode mode;

    protected CybersourceFamilySubject(String providerId, Mode mode) {
        this.providerId = providerId;
        this.mode = mode;
    }

    /** The simulator this provider talks to, not yet started, with the default credentials and keys. */
    protected abstract CybersourceSimulator.Builder simulator();

    /**
     * Every subject of the provider registered for ServiceLoader, one per {@link Mode} in the order of the modes: what
     * the reliability module runs. Fails when a mode has no subject, so the registration cannot fall behind.
     */
    public static List<ConformanceSubject> registered(String providerId) {
        List<CybersourceFamilySubject> found = new ArrayList<>();
        for (ConformanceSubject s : ServiceLoader.load(ConformanceSubject.class)) {
            if (s instanceof CybersourceFamilySubject subject && subject.providerId.equals(providerId)) {
                found.add(subject);
            }
        }
        found.sort(Comparator.comparing(s -> s.mode));
        List<Mode> modes = found.stream().map(s -> s.mode).toList();
        if (!modes.equals(List.of(Mode.values()))) {
            throw new IllegalStateException(providerId + " has subjects registered for " + modes + ", not one for each of "
                    + List.of(Mode.values()) + ": list each in META-INF/services/" + ConformanceSubject.class.getName());
        }
        return List.copyOf(found);
    }

    @Override
    public final String providerId() {
        return providerId;
    }

    @Override
    public final String variant() {
        return mode.variant;
    }

    @Override
    public final SimulatedGateway startSimulator() {
        return SimulatorBackedGateway.cybersource(simulator());
    }

    @Override
    public final Map<String, String> configuration(String baseUrl) {
        Map<String, String> c = new HashMap<>();
        c.put(key(CybersourceSettings.BASE_URL), baseUrl);
        c.put(key(CybersourceSettings.MERCHANT_ID), CybersourceSimulator.DEFAULT_MERCHANT_ID);
        c.put(key(CybersourceSettings.KEY_ID), CybersourceSimulator.DEFAULT_KEY_ID);
        c.put(key(CybersourceSettings.SECRET_KEY), CybersourceSimulator.DEFAULT_SHARED_SECRET);
        c.put(key(CybersourceSettings.AUTHENTICATION), mode == Mode.HTTP_SIGNATURE ? CybersourceSettings.HTTP_SIGNATURE : CybersourceSettings.JWT);
        if (mode == Mode.JWT_MLE) {
            try {
                c.put(key(CybersourceSettings.MLE_REQUEST), "true");
                c.put(key(CybersourceSettings.MLE_CERTIFICATE), pem("CERTIFICATE", JwtMleKeys.requestMleCertificate().getEncoded()));
                c.put(key(CybersourceSettings.MLE_RESPONSE), "true");
                c.put(key(CybersourceSettings.MLE_RESPONSE_KEY), pem("PRIVATE KEY", JwtMleKeys.responseMlePrivateKey().getEncoded()));
                c.put(key(CybersourceSettings.MLE_RESPONSE_KEY_ID), JwtMleKeys.kidOf(JwtMleKeys.responseMleCertificate()));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
        return c;
    }

    private String key(String name) {
        return "credit." + providerId + "." + name;
    }

    private static String pem(String type, byte[] der) {
        String base64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + base64 + "\n-----END " + type + "-----\n";
    }

    @Override
    public final String amountOnWire(RecordedRequest creditRequest) {
        return field(creditRequest, "/orderInformation/amountDetails/totalAmount").orElseThrow();
    }

    @Override
    public final Optional<String> idempotencyValueOnWire(RecordedRequest creditRequest) {
        return field(creditRequest, "/clientReferenceInformation/transactionId");
    }

    @Override
    public final boolean gatewayDeduplicates() {
        return false;
    }

    /** A field of the request as the client sent it: in the clear, or opened from request MLE. */
    private static Optional<String> field(RecordedRequest request, String pointer) {
        try {
            var node = JSON.readTree(CybersourceSimulator.plaintextBody(request)).at(pointer);
            return node.isMissingNode() ? Optional.empty() : Optional.of(node.asText());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
