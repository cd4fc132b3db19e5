package org.standalonecredit.testkit.reliability;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.standalonecredit.api.CreditOutcome;
import org.standalonecredit.api.CreditResult;
import org.standalonecredit.api.journal.CreditJournal;
import org.standalonecredit.api.journal.JournalRecord;
import org.standalonecredit.api.journal.JournaledCreditGateway;
import org.standalonecredit.api.journal.Reconciler;
import org.standalonecredit.api.journal.Resolution;
import org.standalonecredit.simulator.LedgerEntry;
import org.standalonecredit.testkit.reliability.support.CanaryScanner;
import org.standalonecredit.testkit.reliability.support.ProviderUnderTest;

/**
 * Holds the credit journal's record of every credit of a soak against the result its caller got and against the
 * simulator's ledger, then lets the {@link Reconciler} settle the records in doubt and holds its verdicts against
 * the ledger. Anything that breaks the rules goes to {@link SoakFigures#problems}:
 * <ul>
 *   <li>every credit has a record, none is left ATTEMPTED once its caller has a result;</li>
 *   <li>the record says what the caller was told: the same outcome and gateway id for a settled credit, in doubt
 *       (UNKNOWN) for an UNKNOWN one, released for one not sent;</li>
 *   <li>no record claims a credit (an approved or pending outcome) that the ledger does not have;</li>
 *   <li>the reconciler settles a record in doubt as CREDITED, with the ledger's gateway id, exactly when the ledger
 *       has the credit, and as NOT_CREDITED exactly when it does not; it leaves one unsettled only for a provider
 *       that declares no look-up.</li>
 * </ul>
 * Every record and finding is scanned for the canaries too.
 */
final class SoakJournalAudit {
    /**
     * The reconciler's clock: past its wait before a search that finds nothing is authoritative
     * ({@link Reconciler#DEFAULT_NOT_FOUND_AFTER}), so that every record in doubt is settled in one round.
     */
    private static final Duration LATER = Duration.ofHours(1);

    private SoakJournalAudit() {
    }

    static void audit(JournaledCreditGateway gateway, List<SoakRun.Sent> sent, List<LedgerEntry> ledger, CanaryScanner scanner,
                      SoakFigures f) {
        CreditJournal journal = gateway.journal();
        Map<String, LedgerEntry> byReference = byReference(ledger);
        for (SoakRun.Sent s : sent) {
            String ref = s.request().merchantReference().orElseThrow();
            Optional<JournalRecord> found = journal.find(gateway.scope(), s.request().idempotencyKey());
            if (found.isEmpty()) {
                f.problem(ref + " has no record in the journal");
                continue;
            }
            JournalRecord record = found.get();
            f.journalRecords++;
            scanner.scan("the journal record of " + ref, record);
            record.note().ifPresent(note -> scanner.scan("the journal note of " + ref, note));
            if (record.state() == JournalRecord.State.ATTEMPTED) {
                f.journalAttempted++;
            }
            if (record.inDoubt()) {
                f.journalInDoubt++;
            }
            String mismatch = mismatch(s.result(), record);
            if (mismatch != null) {
                f.problem(ref + " ended " + s.result().outcome() + " but its journal record " + mismatch + ": " + record);
            }
            if (record.amount().compareTo(s.request().amount().amount()) != 0) {
                f.problem(ref + "'s journal record has the amount " + record.amount() + " instead of " + s.request().amount());
            }
            boolean claimsCredit = record.outcome().map(CreditOutcome::isSuccess).orElse(false);
            if (claimsCredit && !byReference.containsKey(ref)) {
                f.problem(ref + "'s journal record says " + record.outcome().orElseThrow() + " but the ledger has no such credit");
            }
        }
    }

    /** What of the record does not say what the caller was told, or null. */
    private static String mismatch(CreditResult result, JournalRecord record) {
        if (result.outcome() == CreditOutcome.NOT_SENT) {
            return record.state() == JournalRecord.State.RELEASED ? null : "is " + record.state() + ", not RELEASED";
        }
        if (record.state() != JournalRecord.State.COMPLETED) {
            return "is " + record.state() + ", not COMPLETED";
        }
        if (record.outcome().orElse(null) != result.outcome()) {
            return "says " + record.outcome().orElse(null);
        }
        if (result.gatewayTransactionId().isPresent() && !result.gatewayTransactionId().equals(record.gatewayTransactionId())) {
            return "has another gateway id";
        }
        return null;
    }

    /**
     * Runs the gateway's reconciler, with a clock {@link #LATER}, over every record in doubt, and checks each verdict
     * against the ledger. Runs after {@link #audit}, which counted the records in doubt.
     */
    static void reconcile(ProviderUnderTest provider, JournaledCreditGateway gateway, List<SoakRun.Sent> sent, List<LedgerEntry> ledger,
                          CanaryScanner scanner, SoakFigures f) {
        Map<String, LedgerEntry> byReference = byReference(ledger);
        Map<String, SoakRun.Sent> byKey = new HashMap<>();
        sent.forEach(s -> byKey.put(s.request().idempotencyKey(), s));
        Reconciler reconciler = Reconciler.forGateway(gateway).clock(Clock.offset(Clock.systemUTC(), LATER)).build();
        for (Resolution r : reconciler.reconcileDue(Math.max(1, sent.size()))) {
            SoakRun.Sent s = byKey.get(r.before().idempotencyKey());
            if (s == null) {
                f.problem("the reconciler found a record of no credit of this soak in doubt: " + r.before());
                continue;
            }
            String ref = s.request().merchantReference().orElseThrow();
            scanner.scan("the reconciler's finding on " + ref, r.explanation());
            scanner.scan("the journal record of " + ref + " after reconciling", r.after());
            LedgerEntry entry = byReference.get(ref);
            switch (r.verdict()) {
                case CREDITED -> {
                    f.reconciledCredited++;
                    if (entry == null) {
                        f.problem(ref + ": the reconciler says CREDITED, but the ledger has no such credit (" + r.explanation() + ")");
                    } else if (!r.after().gatewayTransactionId().map(entry.gatewayTransactionId()::equals).orElse(false)) {
                        f.problem(ref + ": the reconciler settled it with another gateway id than the ledger's (" + r.explanation() + ")");
                    }
                }
                case NOT_CREDITED -> {
                    f.reconciledNotCredited++;
                    if (entry != null) {
                        f.problem(ref + ": the reconciler says NOT_CREDITED, but the gateway made the credit (" + r.explanation() + ")");
                    }
                }
                case STILL_UNKNOWN -> {
                    f.reconciledUnknown++;
                    if (provider.followUp(s.request()).isPresent()) {
                        f.problem(ref + ": the reconciler did not settle it, though the provider can look it up (" + r.explanation() + ")");
                    }
                }
                default -> throw new IllegalStateException("verdict " + r.verdict());
            }
        }
    }

    private static Map<String, LedgerEntry> byReference(List<LedgerEntry> ledger) {
        Map<String, LedgerEntry> byReference = new HashMap<>();
        for (LedgerEntry e : ledger) {
            byReference.putIfAbsent(Objects.toString(e.merchantReference()), e);
        }
        return byReference;
    }
}
