package org.standalonecredit.testkit.reliability;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** What a soak measured; {@link #render()} is the summary it prints. */
final class SoakFigures {
    String provider;
    int credits;
    int callers;
    long seed;
    int faultsPlanned;
    Map<SoakFault, Integer> faultsInjected = Map.of();
    long retries;
    int succeeded;
    int unknown;
    int foundOnce;
    int notFound;
    int unresolved;
    /** UNKNOWN outcomes of a provider that declares no status look-up: checked against the ledger only. */
    int noFollowUp;
    int otherOutcomes;
    int inLedger;
    int duplicates;
    /** Credits whose request reached the gateway more often than the provider allows (once, unless it deduplicates). */
    int sentTooOften;
    int strayLedgerEntries;
    /** The journal's class; its records of the credits, those left ATTEMPTED, those in doubt (ATTEMPTED or UNKNOWN). */
    String journal;
    int journalRecords;
    int journalAttempted;
    int journalInDoubt;
    /** The reconciler's verdicts on the records in doubt. */
    int reconciledCredited;
    int reconciledNotCredited;
    int reconciledUnknown;
    int leasedConnections;
    int threadsBefore;
    List<String> leakedThreads = List.of();
    long canaryHits;
    long textsScanned;
    long logLinesScanned;
    long wallMillis;
    long auditMillis;
    final List<String> problems = new ArrayList<>();

    void problem(String p) {
        if (problems.size() < 20) {
            problems.add(p);
        }
    }

    int injectedTotal() {
        return faultsInjected.values().stream().mapToInt(Integer::intValue).sum();
    }

    String render() {
        return String.format(
                "SOAK %-15s credits=%d callers=%d seed=%d | faults injected=%d (planned %d) %s | retries=%d | "
                        + "approved/pending=%d unknown=%d other=%d | unknown resolved: found once=%d, not found=%d, unresolved=%d, no follow-up declared=%d | "
                        + "in ledger=%d duplicates=%d stray=%d sent too often=%d | journal %s: records=%d in doubt=%d attempted=%d, reconciled: "
                        + "credited=%d, not credited=%d, still unknown=%d | leaks: leased connections=%d, threads=%d (of %d before), canary hits=%d "
                        + "(%d texts, %d log lines scanned) | wall time=%.1f s (credits), %.1f s (audit and follow-ups)",
                provider, credits, callers, seed, injectedTotal(), faultsPlanned, faultsInjected, retries,
                succeeded, unknown, otherOutcomes, foundOnce, notFound, unresolved, noFollowUp,
                inLedger, duplicates, strayLedgerEntries, sentTooOften, journal, journalRecords, journalInDoubt, journalAttempted,
                reconciledCredited, reconciledNotCredited, reconciledUnknown, leasedConnections, leakedThreads.size(), threadsBefore, canaryHits,
                textsScanned, logLinesScanned, wallMillis / 1000.0, auditMillis / 1000.0);
    }
}
