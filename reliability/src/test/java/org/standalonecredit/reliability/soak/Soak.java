package org.standalonecredit.reliability.soak;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.standalonecredit.api.spi.Sleeper;
import org.standalonecredit.reliability.support.CanaryScanner;
import org.standalonecredit.reliability.support.ConsoleTap;
import org.standalonecredit.reliability.support.Journal;
import org.standalonecredit.reliability.support.OpenGateway;
import org.standalonecredit.reliability.support.ProviderUnderTest;
import org.standalonecredit.reliability.support.ThreadWatch;
import org.standalonecredit.simulator.GatewaySimulator;

/**
 * One soak: a simulator with ~5 % seeded faults, a gateway with retries on and short timeouts,
 * {@code credits} credits from {@code callers} threads, then the audit, the leak checks and the summary.
 */
final class Soak {
    static final double FAULT_RATE = 0.05;
    /** Past the response timeout, short enough that a soak takes minutes. */
    static final Duration DELAY = Duration.ofMillis(800);
    static final Map<String, String> SETTINGS = Map.of(
            "credit.http.connect-timeout", "1s",
            "credit.http.response-timeout", "300ms",
            "credit.http.deadline", "3s",
            "credit.http.max-connections", "64",
            "credit.retry.max-attempts", "3",
            "credit.retry.max-resends-after-sent", "2",
            "credit.retry.backoff", "20ms");

    private Soak() {
    }

    static SoakFigures run(ProviderUnderTest provider, int credits, int callers, long seed) throws Exception {
        SoakFigures f = new SoakFigures();
        f.provider = provider.id();
        f.credits = credits;
        f.callers = callers;
        f.seed = seed;
        CanaryScanner scanner = new CanaryScanner();
        FaultPlan plan = new FaultPlan(seed, FAULT_RATE, credits);
        f.faultsPlanned = plan.planned();
        ThreadWatch threads = ThreadWatch.start();
        f.threadsBefore = threads.countBefore();
        long libraryDebugLines;
        try (ConsoleTap tap = new ConsoleTap(scanner)) {
            try (GatewaySimulator sim = provider.startSimulator()) {
                plan.install(sim, DELAY);
                Map<String, String> config = provider.configuration(sim.baseUrl());
                config.putAll(SETTINGS);
                try (OpenGateway open = OpenGateway.open(config, scanner, Sleeper.REAL)) {
                    long start = System.nanoTime();
                    List<SoakRun.Sent> sent = SoakRun.run(provider, open.gateway(), credits, callers, scanner);
                    f.wallMillis = (System.nanoTime() - start) / 1_000_000;
                    long auditStart = System.nanoTime();
                    SoakAudit.audit(provider, open.gateway(), sent, sim.ledger().entries(), scanner, f);
                    SoakAudit.countSends(provider, Journal.credits(sim), f);
                    f.auditMillis = (System.nanoTime() - auditStart) / 1_000_000;
                    f.leasedConnections = open.leasedConnections();
                    scanner.scan("the gateway's toString", open.gateway());
                }
                f.faultsInjected = plan.injected();
            }
            f.leakedThreads = threads.leaked();
            f.logLinesScanned = tap.lines();
            libraryDebugLines = tap.libraryDebugLines();
            f.canaryHits = scanner.hits();
            f.textsScanned = scanner.scanned();
            tap.report(f.render());
        }
        List<String> where = scanner.describeHits();
        assertAll("soak " + provider,
                () -> assertEquals(List.of(), f.problems, "credits that broke the rules"),
                () -> assertEquals(0, f.duplicates, "credits in the ledger twice"),
                () -> assertEquals(0, f.sentTooOften, "credits sent more often than the gateway allows"),
                () -> assertEquals(0, f.unresolved, "UNKNOWN outcomes the follow-up did not resolve"),
                () -> assertEquals(f.faultsPlanned, f.injectedTotal(), "every planned fault hit its credit"),
                () -> assertTrue(f.injectedTotal() > 0, "a soak without faults proves little"),
                () -> assertEquals(0, f.leasedConnections, "connections still leased after the soak"),
                () -> assertEquals(List.of(), f.leakedThreads, "threads still alive after everything was closed"),
                () -> assertEquals(0, f.canaryHits, "canaries found: " + where),
                () -> assertTrue(libraryDebugLines > 0, "the leak scan must have seen the library's DEBUG lines"));
        return f;
    }
}
