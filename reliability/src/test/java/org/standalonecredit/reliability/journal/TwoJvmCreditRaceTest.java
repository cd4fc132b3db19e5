package org.standalonecredit.reliability.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.standalonecredit.api.CreditOutcome;
import org.standalonecredit.api.CreditRequest;
import org.standalonecredit.api.OutcomeDetail;
import org.standalonecredit.api.journal.CreditJournal;
import org.standalonecredit.api.journal.JournalRecord;
import org.standalonecredit.api.journal.JournaledCreditGateway;
import org.standalonecredit.simulator.LedgerEntry;
import org.standalonecredit.simulator.cybersource.CybersourceSimulator;
import org.standalonecredit.testkit.reliability.support.ChildJvm;

/**
 * The proof with real processes: two application JVMs send the same {@value #CREDITS} credits (same
 * idempotency keys, same bodies, with transactionIds) at the same moment, each in an order of its own from
 * {@value #THREADS} threads, through gateways on one JDBC journal, to one Cybersource simulator in this JVM over
 * loopback. Afterwards the simulator received {@value #CREDITS} credit requests and holds {@value #CREDITS} credits,
 * one per key; each key was sent by exactly one process, which got the ledger's gateway id, while the other sent
 * nothing and was told the key is in doubt (under way elsewhere) or given the recorded result; and every key's
 * journal record is settled with the ledger's gateway id.
 */
class TwoJvmCreditRaceTest {
    private static final int CREDITS = 100;
    private static final int THREADS = 8;
    private static final String PREFIX = "race";
    private static final Duration WAIT = Duration.ofSeconds(120);

    @TempDir
    Path dir;

    @Test
    void postgresql() throws Exception {
        Map<String, String> keys = JournalDatabases.postgresql("credit_race");
        try {
            race("PostgreSQL", keys);
        } finally {
            JournalDatabases.dropIfPostgresql(keys);
        }
    }

    @Test
    void h2FileServedByThisJvm() throws Exception {
        // AUTO_SERVER: this JVM opens the file first and serves it over TCP to the two application processes
        race("an H2 file", JournalDatabases.h2File(dir, "race", ";AUTO_SERVER=TRUE"));
    }

    /** One process's answer for one key. */
    private record Answer(String process, CreditOutcome outcome, OutcomeDetail detail, int attempts, String gatewayId) {
    }

    private void race(String database, Map<String, String> journalKeys) throws Exception {
        try (CybersourceSimulator sim = CybersourceSimulator.builder().magicAmounts(false).start();
             CreditJournal journal = JournalDatabases.open(journalKeys)) { // creates the table before the race
            Map<String, String> environment = Map.of(CreditChild.CONFIG, JournalDatabases.asProperties(CreditChild.config(sim.baseUrl(),
                    journalKeys)));
            Map<String, List<Answer>> answers = new HashMap<>();
            try (ChildJvm a = ChildJvm.start("app-a", CreditChild.class, raceArguments(1), environment, dir);
                 ChildJvm b = ChildJvm.start("app-b", CreditChild.class, raceArguments(2), environment, dir)) {
                List<ChildJvm> apps = List.of(a, b);
                ChildJvm.startTogether(apps, WAIT);
                for (ChildJvm app : apps) {
                    readAnswers(app, answers);
                    app.awaitSuccess(WAIT);
                }
            }

            Map<String, LedgerEntry> ledger = new HashMap<>();
            for (LedgerEntry e : sim.ledger().entries()) {
                if (ledger.put(String.valueOf(e.merchantReference()), e) != null) {
                    fail(e.merchantReference() + " was credited twice: " + sim.ledger());
                }
            }
            assertEquals(CREDITS, sim.creditRequests().size(), "credit requests the gateway received");
            assertEquals(CREDITS, sim.ledger().size(), "credits the gateway made");

            String scope = JournaledCreditGateway.scopeOf(JournalDatabases.GATEWAY, CreditChild.SUBJECT.providerId());
            Map<String, Integer> sentBy = new LinkedHashMap<>(Map.of("app-a", 0, "app-b", 0));
            int inDoubtAnswers = 0;
            for (int i = 0; i < CREDITS; i++) {
                CreditRequest request = CreditChild.request(PREFIX, i);
                String key = request.idempotencyKey();
                LedgerEntry credit = ledger.get(request.merchantReference().orElseThrow());
                assertTrue(credit != null, key + " is not in the ledger");
                assertEquals(0, credit.amount().compareTo(request.amount().amount()), key + "'s amount");
                List<Answer> two = answers.getOrDefault(key, List.of());
                assertEquals(2, two.size(), key + ": one answer from each process: " + two);
                List<Answer> senders = two.stream().filter(x -> x.attempts() > 0).toList();
                assertEquals(1, senders.size(), key + " must be sent by exactly one process: " + two);
                Answer sender = senders.get(0);
                sentBy.merge(sender.process(), 1, Integer::sum);
                assertTrue(sender.outcome().isSuccess() && credit.gatewayTransactionId().equals(sender.gatewayId()),
                        key + ": the sender has the ledger's credit: " + sender);
                Answer other = two.stream().filter(x -> x != sender).findFirst().orElseThrow();
                boolean inDoubt = other.outcome() == CreditOutcome.UNKNOWN && other.detail() == OutcomeDetail.IN_DOUBT_IN_JOURNAL;
                boolean recorded = other.outcome() == sender.outcome() && sender.gatewayId().equals(other.gatewayId());
                assertTrue(inDoubt || recorded, key + ": the other process is told it is in doubt or given the recorded result: " + other);
                inDoubtAnswers += inDoubt ? 1 : 0;

                JournalRecord record = journal.find(scope, key).orElseThrow(() -> new AssertionError(key + " has no journal record"));
                assertEquals(JournalRecord.State.COMPLETED, record.state(), record.toString());
                assertEquals(sender.outcome(), record.outcome().orElseThrow(), record.toString());
                assertEquals(credit.gatewayTransactionId(), record.gatewayTransactionId().orElseThrow(), record.toString());
            }
            // how the keys split is up to the race; shown, not checked
            System.out.println("two-JVM credit race on " + database + ": sent by " + sentBy + ", the other process told 'in doubt' for " + inDoubtAnswers + " keys and the recorded result for "
                    + (CREDITS - inDoubtAnswers));
        }
    }

    private static List<String> raceArguments(int seed) {
        return List.of("race", PREFIX, Integer.toString(CREDITS), Integer.toString(THREADS), Integer.toString(seed));
    }

    private static void readAnswers(ChildJvm app, Map<String, List<Answer>> answers) throws InterruptedException {
        for (String line = app.nextLine(WAIT); !line.equals("DONE"); line = app.nextLine(WAIT)) {
            String[] f = line.split(" ");
            if (f.length != 6 || !f[0].equals("RESULT")) {
                fail(app.name() + " printed '" + line + "'; " + app.describe());
            }
            answers.computeIfAbsent(f[1], k -> new ArrayList<>()).add(new Answer(app.name(), CreditOutcome.valueOf(f[2]),
                    OutcomeDetail.valueOf(f[3]), Integer.parseInt(f[4]), f[5]));
        }
    }
}
