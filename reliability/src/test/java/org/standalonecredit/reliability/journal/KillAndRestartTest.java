package org.standalonecredit.reliability.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.standalonecredit.api.CreditGateway;
import org.standalonecredit.api.CreditOutcome;
import org.standalonecredit.api.CreditRequest;
import org.standalonecredit.api.CreditResult;
import org.standalonecredit.api.OutcomeDetail;
import org.standalonecredit.api.StandaloneCredit;
import org.standalonecredit.api.config.ConfigSource;
import org.standalonecredit.api.journal.JournalRecord;
import org.standalonecredit.api.journal.JournaledCreditGateway;
import org.standalonecredit.api.journal.Reconciler;
import org.standalonecredit.api.journal.Resolution;
import org.standalonecredit.simulator.Behaviour;
import org.standalonecredit.simulator.LedgerEntry;
import org.standalonecredit.simulator.cybersource.CybersourceSimulator;
import org.standalonecredit.testkit.reliability.support.ChildJvm;

/**
 * The proof with real processes: an application process is killed (SIGKILL) after the gateway made its credit
 * but before the answer came back, and the restarted application, on the same durable journal, neither sends the
 * credit again nor loses it. Cybersource is the gateway: it does not deduplicate a credit sent twice, so the journal
 * alone stands between a restart and a second credit.
 *
 * <ol>
 *   <li>A child JVM opens the gateway with the JDBC journal and sends one credit; the simulator credits it and holds
 *       the answer back for minutes.</li>
 *   <li>Once the ledger has the credit (so the journal has the child's claim), the child is killed with SIGKILL.</li>
 *   <li>A gateway opened afresh on the same journal (this JVM: the restarted application) finds the killed process's
 *       ATTEMPTED record; the same request sends nothing and is UNKNOWN ({@link OutcomeDetail#IN_DOUBT_IN_JOURNAL}).</li>
 *   <li>The {@link Reconciler} leaves the attempt alone while it may be under way, and with a clock past
 *       {@code staleAfter} settles it CREDITED with the gateway id of the ledger's one credit, which the request then
 *       returns; the simulator received one credit request and holds one credit.</li>
 * </ol>
 */
class KillAndRestartTest {
    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    @Test
    void h2File() throws Exception {
        // WRITE_DELAY=0: H2 otherwise writes a commit to its file up to 500 ms late, and a process killed within that
        // time loses it (JdbcCreditJournal says so); a durable journal on H2 needs it
        killAndRestart(JournalDatabases.h2File(dir, "killed", ";WRITE_DELAY=0"));
    }

    @Test
    void postgresql() throws Exception {
        Map<String, String> keys = JournalDatabases.postgresql("killed");
        try {
            killAndRestart(keys);
        } finally {
            JournalDatabases.dropIfPostgresql(keys);
        }
    }

    private void killAndRestart(Map<String, String> journalKeys) throws Exception {
        try (CybersourceSimulator sim = CybersourceSimulator.builder().magicAmounts(false).start()) {
            // the credit is made, its answer held back far longer than the test runs: the child dies waiting for it
            sim.script().nextRequests(1).respond(Behaviour.DELAY).delay(Duration.ofMinutes(10));
            Map<String, String> config = CreditChild.config(sim.baseUrl(), journalKeys);
            String key = "kill-" + UUID.randomUUID();
            CreditRequest request = CreditChild.request(key, "K4217", "42.17");

            long childPid;
            try (ChildJvm child = ChildJvm.start("killed", CreditChild.class, List.of("one", key, "K4217", "42.17"),
                    Map.of(CreditChild.CONFIG, JournalDatabases.asProperties(config)), dir)) {
                child.await(ChildJvm.READY, WAIT);
                awaitCredit(sim, child);
                assertTrue(child.isAlive(), "the child must still be waiting for the answer; " + child.describe());
                childPid = child.pid();
                child.kill(WAIT);
            }

            // the application restarted: a gateway opened afresh on the same journal
            try (CreditGateway gateway = StandaloneCredit.open(ConfigSource.fromMap(config), JournalDatabases.GATEWAY)) {
                JournaledCreditGateway journaled = (JournaledCreditGateway) gateway;
                JournalRecord left = journaled.journal().find(journaled.scope(), key)
                        .orElseThrow(() -> new AssertionError("the killed process's claim is not in the journal"));
                assertEquals(JournalRecord.State.ATTEMPTED, left.state(), left.toString());
                assertTrue(left.owner().startsWith("pid " + childPid + " "), "claimed by the killed process: " + left.owner());

                CreditResult again = gateway.credit(request);
                assertEquals(CreditOutcome.UNKNOWN, again.outcome(), again.toString());
                assertEquals(OutcomeDetail.IN_DOUBT_IN_JOURNAL, again.detail(), again.toString());
                assertEquals(0, again.attempts(), "nothing sent");
                assertEquals(1, sim.creditRequests().size(), "the gateway received the credit once");

                assertEquals(List.of(), Reconciler.forGateway(gateway).build().reconcileDue(10),
                        "an attempt younger than staleAfter may still be under way: left alone");
                Clock later = Clock.offset(Clock.systemUTC(), Reconciler.DEFAULT_STALE_AFTER.plusMinutes(1));
                List<Resolution> settled = Reconciler.forGateway(gateway).clock(later).staleAfter(Reconciler.DEFAULT_STALE_AFTER).build()
                        .reconcileDue(10);
                assertEquals(1, settled.size(), settled.toString());
                Resolution resolution = settled.get(0);
                assertEquals(Resolution.Verdict.CREDITED, resolution.verdict(), resolution.explanation());
                LedgerEntry credit = sim.ledger().entries().get(0);
                assertEquals(credit.gatewayTransactionId(), resolution.after().gatewayTransactionId().orElseThrow(), "the ledger's credit");

                CreditResult settledResult = gateway.credit(request);
                assertTrue(settledResult.outcome().isSuccess(), settledResult.toString());
                assertEquals(credit.gatewayTransactionId(), settledResult.gatewayTransactionId().orElseThrow());
                assertEquals(0, settledResult.attempts(), "the recorded result; nothing sent");
                assertTrue(journaled.journal().find(journaled.scope(), key).map(r -> !r.inDoubt()).orElse(false), "settled in the journal");
            }
            assertEquals(1, sim.creditRequests().size(), "credit requests the gateway received");
            assertEquals(1, sim.ledger().size(), "credits the gateway made");
        }
    }

    /** Waits until the simulator has the child's credit in its ledger; fails at once if the child ends first. */
    private static void awaitCredit(CybersourceSimulator sim, ChildJvm child) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!sim.ledger().awaitSize(1, Duration.ofMillis(100))) {
            if (!child.isAlive()) {
                fail("the child ended before its credit reached the gateway; " + child.describe());
            }
            if (System.nanoTime() > deadline) {
                fail("the credit did not reach the gateway within " + WAIT + "; " + child.describe());
            }
        }
    }
}
