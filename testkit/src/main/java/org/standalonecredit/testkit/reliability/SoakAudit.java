package org.standalonecredit.testkit.reliability;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.standalonecredit.api.CreditGateway;
import org.standalonecredit.api.CreditOutcome;
import org.standalonecredit.api.CreditResult;
import org.standalonecredit.api.StatusResult;
import org.standalonecredit.simulator.LedgerEntry;
import org.standalonecredit.simulator.RecordedRequest;
import org.standalonecredit.testkit.reliability.support.CanaryScanner;
import org.standalonecredit.testkit.reliability.support.ProviderUnderTest;

/**
 * Holds every credit of a soak against the simulator's ledger (matched by merchant reference and
 * amount) and resolves every UNKNOWN the way a caller must, through the status follow-up.
 * Anything that breaks the rules goes to {@link SoakFigures#problems}:
 * <ul>
 *   <li>a success is in the ledger exactly once, with the amount sent and the id returned;</li>
 *   <li>an UNKNOWN is in the ledger at most once, and the follow-up finds it exactly once if it is, nothing if not;</li>
 *   <li>no other outcome left a credit; no reference is in the ledger twice; the ledger holds nothing else.</li>
 * </ul>
 */
final class SoakAudit {
    private SoakAudit() {
    }

    static void audit(ProviderUnderTest provider, CreditGateway gateway, List<SoakRun.Sent> sent, List<LedgerEntry> ledger,
                      CanaryScanner scanner, SoakFigures f) {
        Map<String, List<LedgerEntry>> byReference = new HashMap<>();
        for (LedgerEntry e : ledger) {
            byReference.computeIfAbsent(String.valueOf(e.merchantReference()), k -> new ArrayList<>()).add(e);
        }
        f.inLedger = ledger.size();
        Set<String> ours = new HashSet<>();
        for (SoakRun.Sent s : sent) {
            String ref = s.request().merchantReference().orElseThrow();
            ours.add(ref);
            CreditResult r = s.result();
            List<LedgerEntry> entries = byReference.getOrDefault(ref, List.of());
            f.retries += r.attempts() - 1;
            if (entries.size() > 1) {
                f.duplicates++;
                f.problem(ref + " is in the ledger " + entries.size() + " times");
            }
            if (r.outcome().isSuccess()) {
                f.succeeded++;
                checkSuccess(s, entries, f);
            } else if (r.outcome() == CreditOutcome.UNKNOWN) {
                f.unknown++;
                resolve(provider, gateway, s, entries, scanner, f);
            } else {
                f.otherOutcomes++;
                f.problem(ref + " ended " + r.outcome() + "/" + r.detail() + ", which no injected fault explains");
                if (!entries.isEmpty()) {
                    f.problem(ref + " is " + r.outcome() + " yet in the ledger");
                }
            }
        }
        for (LedgerEntry e : ledger) {
            if (!ours.contains(String.valueOf(e.merchantReference()))) {
                f.strayLedgerEntries++;
                f.problem("a ledger entry no credit of this soak explains: " + e.gatewayTransactionId());
            }
        }
    }

    /**
     * Counts, at the gateway, the requests of every credit (a credit's body is unique in a soak). A gateway that
     * does not deduplicate must receive each credit once: a second request is a second credit even where the
     * simulator's duplicate-transaction answer would hide it behind an UNKNOWN that resolves as "found once".
     * A deduplicating gateway may receive a credit again, always under the same idempotency value (Commerce Hub's Client-Request-Id), at most
     * once plus {@code max-resends-after-sent}.
     */
    static void countSends(ProviderUnderTest provider, List<RecordedRequest> received, SoakFigures f) {
        Map<String, List<RecordedRequest>> byBody = new HashMap<>();
        for (RecordedRequest r : received) {
            byBody.computeIfAbsent(new String(r.body(), StandardCharsets.UTF_8), k -> new ArrayList<>()).add(r);
        }
        int allowed = provider.deduplicates() ? 1 + Integer.parseInt(Soak.SETTINGS.get("credit.retry.max-resends-after-sent")) : 1;
        for (List<RecordedRequest> sends : byBody.values()) {
            Set<String> ids = new HashSet<>();
            sends.forEach(r -> ids.add(String.valueOf(provider.idempotencyValueOnWire(r).orElse(null))));
            if (sends.size() > allowed || ids.size() > 1) {
                f.sentTooOften++;
                f.problem("one credit reached the gateway " + sends.size() + " times under " + ids.size() + " request id(s)");
            }
        }
    }

    private static void checkSuccess(SoakRun.Sent s, List<LedgerEntry> entries, SoakFigures f) {
        String ref = s.request().merchantReference().orElseThrow();
        if (entries.size() != 1) {
            f.problem(ref + " succeeded but is in the ledger " + entries.size() + " times");
            return;
        }
        LedgerEntry e = entries.get(0);
        if (e.amount().compareTo(s.request().amount().amount()) != 0) {
            f.problem(ref + " was credited " + e.amount() + " instead of " + s.request().amount());
        }
        if (!s.result().gatewayTransactionId().map(e.gatewayTransactionId()::equals).orElse(false)) {
            f.problem(ref + " succeeded with another id than the ledger's");
        }
    }

    private static void resolve(ProviderUnderTest provider, CreditGateway gateway, SoakRun.Sent s, List<LedgerEntry> entries,
                                CanaryScanner scanner, SoakFigures f) {
        String ref = s.request().merchantReference().orElseThrow();
        if (!s.result().reconciliation().map(r -> r.idempotencyKey().equals(s.request().idempotencyKey())).orElse(false)) {
            f.problem(ref + " is UNKNOWN without a reconciliation carrying its idempotency key");
        }
        java.util.Optional<org.standalonecredit.api.StatusQuery> query = provider.followUp(s.request());
        if (query.isEmpty()) {
            f.noFollowUp++; // the provider declares no look-up: the ledger alone says what happened
            return;
        }
        StatusResult status = gateway.status(query.get());
        ResultTexts.scan(scanner, status);
        if (status.foundNone()) {
            f.notFound++;
            if (!entries.isEmpty()) {
                f.problem(ref + ": the follow-up found nothing, but the gateway made the credit");
            }
        } else if (status.credits().size() == 1) {
            f.foundOnce++;
            if (entries.size() != 1) {
                f.problem(ref + ": the follow-up found the credit, but the ledger has it " + entries.size() + " times");
            } else if (status.credits().get(0).amount().compareTo(s.request().amount().amount()) != 0) {
                f.problem(ref + ": the follow-up found another amount");
            }
        } else {
            f.unresolved++;
            f.problem(ref + ": the follow-up did not resolve it: " + status.outcome() + " with " + status.credits().size() + " credits");
        }
    }
}
