package org.standalonecredit.reliability.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.standalonecredit.cli.CreditCli;
import org.standalonecredit.cybersource.CybersourceSubject;
import org.standalonecredit.simulator.LedgerEntry;
import org.standalonecredit.simulator.cybersource.CybersourceSimulator;
import org.standalonecredit.testkit.reliability.support.ChildJvm;

/**
 * Issue #17's acceptance run with real processes: the operator tool ({@code batch}, a JVM of its own) sends a file of
 * 1,000 credits to the Cybersource simulator eight at a time, is killed with SIGKILL once half of them are in the
 * simulator's ledger, and the same command run again on the same file completes the batch: the simulator holds exactly
 * 1,000 credits, one per row, it received no credit twice, and the re-run's summary says 1,000 rows are credited
 * (those of the first run counted as credited before). Cybersource does not deduplicate a credit sent twice, so only
 * the tool's journal and its look-ups stand between the re-run and a second credit of a row.
 *
 * <p>The simulator runs in this JVM and outlives both tool processes. The tool keeps its default journal (an H2 file
 * beside its audit log) and is told by configuration that the simulator's look-ups are authoritative at once
 * ({@code cli.reconcile.*}), which a real gateway's search is not.
 */
class BatchKillAndResumeTest {
    private static final int ROWS = 1_000;
    private static final Duration WAIT = Duration.ofMinutes(3);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void aBatchKilledHalfwayIsCompletedByRunningItAgain() throws Exception {
        try (CybersourceSimulator sim = CybersourceSimulator.builder().magicAmounts(false).start()) {
            Path config = dir.resolve("credit.properties");
            Properties keys = new Properties();
            keys.putAll(new CybersourceSubject().configuration(sim.baseUrl()));
            keys.put("credit.gateway", "cybersource");
            keys.put("cli.max-amount.USD", "100.00");
            keys.put("cli.max-batch-total.USD", "100000.00");
            keys.put("cli.audit-log", dir.resolve("audit.jsonl").toString());
            // the simulator's look-ups see a credit the moment it is made, and nothing else sends this file
            keys.put("cli.reconcile.stale-after", "1ms");
            keys.put("cli.reconcile.not-found-after", "1ms");
            try (Writer w = Files.newBufferedWriter(config)) {
                keys.store(w, null);
            }
            List<String> lines = new ArrayList<>(List.of("amount,currency,customer_token,reference,transaction_id"));
            BigDecimal total = BigDecimal.ZERO;
            for (int i = 1; i <= ROWS; i++) {
                BigDecimal amount = new BigDecimal(1 + i % 50 + ".25");
                total = total.add(amount);
                lines.add(amount.toPlainString() + ",USD,F45FB3E443AC3C57E053A2598D0A9CFF,R-" + i + ",T-" + i);
            }
            Path file = dir.resolve("credits.csv");
            Files.write(file, lines);
            List<String> command = List.of("batch", "--config", config.toString(), "--file", file.toString(), "--operator", "alice",
                    "--approval", "APR-17", "--yes", "--parallel", "8", "--json");

            String firstRunErrors;
            try (ChildJvm first = ChildJvm.start("batch-killed", CreditCli.class, command, Map.of(), dir)) {
                awaitLedger(sim, ROWS / 2, first);
                first.kill(WAIT);
                firstRunErrors = first.errors();
            }
            int creditedBeforeTheKill = sim.ledger().size();
            assertTrue(creditedBeforeTheKill < ROWS, "killed halfway, not at the end: " + creditedBeforeTheKill);
            assertTrue(firstRunErrors.contains("progress: "), "the first run showed its progress:\n" + firstRunErrors);

            JsonNode summary;
            String lookedUp;
            try (ChildJvm again = ChildJvm.start("batch-again", CreditCli.class, command, Map.of(), dir)) {
                summary = summary(again);
                again.awaitSuccess(WAIT);
                // how many rows the kill left in doubt, and what their look-ups found: for a failure's message
                lookedUp = again.errors().lines().filter(l -> l.startsWith("Looked up ")).findFirst().orElse("no row was left in doubt");
            }
            summary = ((ObjectNode) summary).put("lookedUp", lookedUp);

            List<LedgerEntry> ledger = sim.ledger().entries();
            assertEquals(ROWS, ledger.size(), "credits in the simulator's ledger");
            Set<String> transactionIds = ledger.stream().map(LedgerEntry::clientTransactionId).collect(Collectors.toSet());
            assertEquals(ROWS, transactionIds.size(), "one credit per row");
            assertEquals(ROWS, sim.creditRequests().size(), "no row was sent twice");
            assertEquals(0, total.compareTo(ledger.stream().map(LedgerEntry::amount).reduce(BigDecimal.ZERO, BigDecimal::add)), "the file's total");

            assertEquals(ROWS, summary.path("rows").asInt(), summary.toString());
            JsonNode credited = summary.path("credited");
            assertEquals(ROWS, credited.path("rows").asInt(), "the re-run's summary: " + summary);
            assertEquals(0, total.compareTo(new BigDecimal(credited.path("amount").path("USD").asText())), summary.toString());
            // every credit in the ledger when the first run died is the first run's: recorded by it, or found by the re-run's look-up
            assertTrue(credited.path("before").asInt() >= creditedBeforeTheKill, creditedBeforeTheKill + " before the kill: " + summary);
            assertEquals(ROWS, credited.path("now").asInt() + credited.path("before").asInt(), summary.toString());
        }
    }

    /** Waits until the simulator has {@code count} credits; fails at once if the tool ends first. */
    private static void awaitLedger(CybersourceSimulator sim, int count, ChildJvm child) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!sim.ledger().awaitSize(count, Duration.ofMillis(100))) {
            if (!child.isAlive()) {
                fail("the tool ended before " + count + " credits reached the simulator; " + child.describe());
            }
            if (System.nanoTime() > deadline) {
                fail("only " + sim.ledger().size() + " credits reached the simulator within " + WAIT + "; " + child.describe());
            }
        }
    }

    /** The summary line the tool prints last with {@code --json}. */
    private static JsonNode summary(ChildJvm child) throws Exception {
        while (true) {
            JsonNode line = JSON.readTree(child.nextLine(WAIT));
            if (line.path("type").asText().equals("summary")) {
                return line;
            }
        }
    }
}
