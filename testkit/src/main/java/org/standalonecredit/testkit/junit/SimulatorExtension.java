package org.standalonecredit.testkit.junit;

import java.util.Objects;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.standalonecredit.simulator.GatewaySimulator;
import org.standalonecredit.simulator.commercehub.CommerceHubSimulator;
import org.standalonecredit.simulator.cybersource.CybersourceSimulator;

/**
 * JUnit 5 extension that starts and closes a simulator. Register it with {@code @RegisterExtension}:
 *
 * <pre>{@code
 * // one simulator for the whole class, state (ledger, journal, script, transactions) reset before each test
 * @RegisterExtension
 * static final SimulatorExtension<CybersourceSimulator> CYBERSOURCE = SimulatorExtension.cybersource();
 *
 * // a fresh simulator for every test, with custom settings
 * @RegisterExtension
 * final SimulatorExtension<CommerceHubSimulator> commerceHub = SimulatorExtension.perTest(
 *         () -> CommerceHubSimulator.builder().clock(clock).build());
 *
 * @Test void credits() { String url = CYBERSOURCE.simulator().baseUrl(); ... }
 * }</pre>
 *
 * A per-class extension registered on an instance (non-static) field behaves per test. Not intended for
 * concurrent test execution within one class.
 *
 * @param <S> the simulator type
 */
public final class SimulatorExtension<S extends GatewaySimulator>
        implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {

    private final Supplier<? extends S> factory;
    private final boolean perClass;
    private boolean resetBetweenTests = true;
    private S simulator;
    private boolean startedForTest;

    private SimulatorExtension(Supplier<? extends S> factory, boolean perClass) {
        this.factory = Objects.requireNonNull(factory, "factory");
        this.perClass = perClass;
    }

    /** One simulator per test class (register on a static field); state is reset before each test. */
    public static <S extends GatewaySimulator> SimulatorExtension<S> perClass(Supplier<? extends S> factory) {
        return new SimulatorExtension<>(factory, true);
    }

    /** A new simulator for every test. */
    public static <S extends GatewaySimulator> SimulatorExtension<S> perTest(Supplier<? extends S> factory) {
        return new SimulatorExtension<>(factory, false);
    }

    /** A per-class Cybersource simulator with default settings. */
    public static SimulatorExtension<CybersourceSimulator> cybersource() {
        return perClass(() -> CybersourceSimulator.builder().build());
    }

    /** A per-class Commerce Hub simulator with default settings. */
    public static SimulatorExtension<CommerceHubSimulator> commerceHub() {
        return perClass(() -> CommerceHubSimulator.builder().build());
    }

    /** For per-class simulators: keep ledger, journal, script and transactions between tests. */
    public SimulatorExtension<S> keepStateBetweenTests() {
        this.resetBetweenTests = false;
        return this;
    }

    /**
     * The running simulator.
     *
     * @throws IllegalStateException outside a test's lifecycle
     */
    public S simulator() {
        if (simulator == null) {
            throw new IllegalStateException("simulator not running (used outside a test?)");
        }
        return simulator;
    }

    /** Shortcut for {@code simulator().baseUrl()}. */
    public String baseUrl() {
        return simulator().baseUrl();
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        if (perClass) {
            simulator = start();
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (simulator == null) {
            simulator = start();
            startedForTest = true;
        } else if (resetBetweenTests) {
            simulator.reset();
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (startedForTest) {
            stop();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        stop();
    }

    private S start() {
        S s = Objects.requireNonNull(factory.get(), "factory returned null");
        s.start();
        return s;
    }

    private void stop() {
        if (simulator != null) {
            simulator.close();
            simulator = null;
        }
        startedForTest = false;
    }
}
