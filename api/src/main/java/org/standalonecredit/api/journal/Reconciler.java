package org.standalonecredit.api.journal;

import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.standalonecredit.api.CreditGateway;
import org.standalonecredit.api.CreditOutcome;
import org.standalonecredit.api.CreditStatus;
import org.standalonecredit.api.FollowUp;
import org.standalonecredit.api.FollowUpOutcome;
import org.standalonecredit.api.StatusQuery;
import org.standalonecredit.api.StatusResult;
import org.standalonecredit.api.spi.ProviderCapabilities;

/**
 * Settles the records a gateway left in doubt in its journal (attempted without an outcome, or UNKNOWN) through the
 * provider's status follow-ups, and records what it found. It starts no thread: call {@link #reconcileDue} when the
 * application wants, or {@link #scheduleOn} an executor the application owns.
 *
 * <p>Look-up, in this order of what the provider supports and the record has: by the gateway's transaction id, by
 * the request's transactionId, by idempotency key (Commerce Hub's Client-Request-Id), by merchant reference. A
 * credit found with the record's amount and currency settles it as the gateway reports it. Nothing found settles
 * it as not credited, releasing the key, only once the record is older than {@link Builder#notFoundAfter} (a
 * gateway's search may not show a credit made moments ago); before that, and when the look-up fails, it is looked
 * at again later: after 1, 2, 5, 15 and 30 minutes, then 1, 2, 4, 8 hours, then every 12 hours. A look-up that
 * finds credits, none of them the record's (another amount), never releases the key: the record stays in doubt
 * for a person to settle.
 */
public final class Reconciler {
    private static final System.Logger LOG = System.getLogger(Reconciler.class.getName());
    private static final List<Duration> BACKOFF = List.of(Duration.ofMinutes(1), Duration.ofMinutes(2), Duration.ofMinutes(5),
            Duration.ofMinutes(15), Duration.ofMinutes(30), Duration.ofHours(1), Duration.ofHours(2), Duration.ofHours(4),
            Duration.ofHours(8), Duration.ofHours(12));
    /** An attempt younger than this may still be under way in its process. */
    public static final Duration DEFAULT_STALE_AFTER = Duration.ofMinutes(5);
    public static final Duration DEFAULT_NOT_FOUND_AFTER = Duration.ofMinutes(10);

    private final CreditGateway gateway;
    private final CreditJournal journal;
    private final String scope;
    private final Clock clock;
    private final Duration staleAfter;
    private final Duration notFoundAfter;

    private Reconciler(Builder b) {
        this.gateway = b.gateway;
        this.journal = b.journal;
        this.scope = b.scope;
        this.clock = b.clock;
        this.staleAfter = b.staleAfter;
        this.notFoundAfter = b.notFoundAfter;
    }

    /** For a gateway made by the registry: its journal and scope. */
    public static Builder forGateway(CreditGateway gateway) {
        if (!(gateway instanceof JournaledCreditGateway journaled)) {
            throw new IllegalArgumentException("the gateway has no journal; use Reconciler.builder(gateway, journal, scope)");
        }
        return new Builder(gateway, journaled.journal(), journaled.scope());
    }

    /** For a gateway and the journal and scope its records are in ({@link JournaledCreditGateway#scopeOf}). */
    public static Builder builder(CreditGateway gateway, CreditJournal journal, String scope) {
        return new Builder(gateway, journal, scope);
    }

    /** The records in doubt now, due or not, oldest first. */
    public List<JournalRecord> inDoubt(int limit) {
        Instant now = clock.instant();
        return journal.inDoubt(scope, now.minus(staleAfter), null, limit);
    }

    /** Looks up every record in doubt whose next check is due, at most {@code limit}, and records the findings. */
    public List<Resolution> reconcileDue(int limit) {
        Instant now = clock.instant();
        List<Resolution> resolutions = new ArrayList<>();
        for (JournalRecord record : journal.inDoubt(scope, now.minus(staleAfter), now, limit)) {
            resolutions.add(reconcile(record));
        }
        return resolutions;
    }

    /** Runs {@link #reconcileDue} every {@code period} on {@code executor}, which the application owns and shuts down. */
    public ScheduledFuture<?> scheduleOn(ScheduledExecutorService executor, Duration period, int limit) {
        return executor.scheduleWithFixedDelay(() -> {
            try {
                reconcileDue(limit);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "reconciler: a round failed and will be tried again: {0}", e.getClass().getSimpleName());
            }
        }, 0, period.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Looks one record up and records the finding (a finding the journal cannot write is still returned). */
    public Resolution reconcile(JournalRecord record) {
        Instant now = clock.instant();
        Optional<StatusQuery> query = queryFor(record, gateway.capabilities());
        Resolution resolution;
        if (query.isEmpty()) {
            resolution = stillUnknown(record, now, "the provider offers no look-up this record can use: settle it by hand");
        } else {
            StatusResult found;
            try {
                found = gateway.status(query.get());
            } catch (RuntimeException e) {
                found = null;
                LOG.log(Level.WARNING, "reconciler: the look-up of {0} failed: {1}", record.idempotencyKey(), e.getClass().getSimpleName());
            }
            resolution = found == null
                    ? stillUnknown(record, now, "the look-up " + describe(query.get()) + " failed")
                    : judge(record, query.get(), found, now);
        }
        try {
            journal.update(resolution.after());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "reconciler: the finding for {0} could not be recorded: {1}", record.idempotencyKey(),
                    e.getClass().getSimpleName());
        }
        return resolution;
    }

    private Resolution judge(JournalRecord record, StatusQuery query, StatusResult found, Instant now) {
        if (found.outcome() != FollowUpOutcome.DONE && found.outcome() != FollowUpOutcome.NOT_FOUND) {
            return stillUnknown(record, now, "the look-up " + describe(query) + " ended " + found.outcome()
                    + (found.httpStatus() > 0 ? " (HTTP " + found.httpStatus() + ")" : ""));
        }
        List<CreditStatus> matching = found.credits().stream().filter(c -> matches(record, query, c)).toList();
        if (matching.isEmpty() && !found.credits().isEmpty()) {
            // the gateway has a credit under this look-up, only not the record's: never "not credited", which would release the key
            return stillUnknown(record, now, "the look-up " + describe(query) + " found " + found.credits().size()
                    + " credit(s), none with the record's amount, currency and references (" + found.credits().get(0).gatewayTransactionId()
                    + " first): check by hand");
        }
        if (matching.isEmpty()) {
            Duration age = Duration.between(record.attemptedAt(), now);
            if (age.compareTo(notFoundAfter) < 0) {
                return stillUnknown(record, now, "the look-up " + describe(query) + " found no such credit " + age.toSeconds()
                        + " s after the attempt; not yet authoritative (" + notFoundAfter.toMinutes() + " min)");
            }
            String explanation = "the look-up " + describe(query) + " found no such credit " + age.toMinutes()
                    + " min after the attempt: not credited; the key is released and may be sent again";
            return new Resolution(record, Resolution.Verdict.NOT_CREDITED, settled(record, now, explanation)
                    .state(JournalRecord.State.RELEASED).build(), explanation);
        }
        CreditStatus credit = matching.get(0);
        String several = matching.size() > 1 ? "; " + matching.size() + " credits match, check them by hand" : "";
        boolean credited = credit.outcome() != null && credit.outcome().isSuccess();
        String explanation = "the look-up " + describe(query) + " found " + credit.gatewayTransactionId() + " "
                + credit.outcome() + (credit.voided() ? " (voided)" : "") + several;
        JournalRecord after = settled(record, now, explanation).state(JournalRecord.State.COMPLETED)
                .outcome(credit.outcome() != null ? credit.outcome() : CreditOutcome.UNKNOWN)
                .gatewayTransactionId(credit.gatewayTransactionId()).build();
        if (!after.inDoubt() && credited) {
            return new Resolution(record, Resolution.Verdict.CREDITED, after, explanation);
        }
        if (!after.inDoubt()) {
            return new Resolution(record, Resolution.Verdict.NOT_CREDITED, after, explanation);
        }
        return stillUnknown(record, now, explanation + ", whose outcome is not yet known");
    }

    /**
     * Whether a credit found is the record's. The merchant reference is compared only when it was the look-up's key:
     * a provider may carry it in another field of the gateway's than the one its look-up reports as the reference
     * (Commerce Hub's order id when an invoice number is given), and a look-up by an id already names the credit.
     */
    private static boolean matches(JournalRecord record, StatusQuery query, CreditStatus credit) {
        boolean amount = credit.amount() == null || credit.amount().compareTo(record.amount()) == 0;
        boolean currency = credit.currency() == null || credit.currency().equalsIgnoreCase(record.currency());
        boolean transactionId = record.transactionId().isEmpty() || credit.transactionId() == null
                || record.transactionId().get().equals(credit.transactionId());
        boolean reference = query.by() != StatusQuery.By.MERCHANT_REFERENCE || record.merchantReference().isEmpty()
                || credit.merchantReference() == null || record.merchantReference().get().equals(credit.merchantReference());
        return amount && currency && transactionId && reference;
    }

    private JournalRecord.Builder settled(JournalRecord record, Instant now, String explanation) {
        return record.toBuilder().checks(record.checks() + 1).updatedAt(now).nextCheckAt(null).note(JournalRecords.note(explanation));
    }

    private Resolution stillUnknown(JournalRecord record, Instant now, String explanation) {
        Duration wait = BACKOFF.get(Math.min(record.checks(), BACKOFF.size() - 1));
        JournalRecord after = record.toBuilder().checks(record.checks() + 1).updatedAt(now).nextCheckAt(now.plus(wait))
                .note(JournalRecords.note(explanation)).build();
        return new Resolution(record, Resolution.Verdict.STILL_UNKNOWN, after, explanation + "; next look in " + wait.toMinutes() + " min");
    }

    static Optional<StatusQuery> queryFor(JournalRecord record, ProviderCapabilities capabilities) {
        if (record.gatewayTransactionId().isPresent() && capabilities.supports(FollowUp.STATUS_BY_GATEWAY_ID)) {
            return Optional.of(StatusQuery.byGatewayTransactionId(record.gatewayTransactionId().get()));
        }
        if (record.transactionId().isPresent() && capabilities.supports(FollowUp.STATUS_BY_TRANSACTION_ID)) {
            return Optional.of(StatusQuery.byTransactionId(record.transactionId().get()));
        }
        if (capabilities.supports(FollowUp.STATUS_BY_IDEMPOTENCY_KEY)) {
            return Optional.of(StatusQuery.byIdempotencyKey(record.idempotencyKey()));
        }
        if (record.merchantReference().isPresent() && capabilities.supports(FollowUp.STATUS_BY_MERCHANT_REFERENCE)) {
            return Optional.of(StatusQuery.byMerchantReference(record.merchantReference().get()));
        }
        return Optional.empty();
    }

    private static String describe(StatusQuery query) {
        return "by " + query.by().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + " " + query.value();
    }

    /** Builder: clock, and how old records must be to count as stale or as authoritatively not found. */
    public static final class Builder {
        private final CreditGateway gateway;
        private final CreditJournal journal;
        private final String scope;
        private Clock clock = Clock.systemUTC();
        private Duration staleAfter = DEFAULT_STALE_AFTER;
        private Duration notFoundAfter = DEFAULT_NOT_FOUND_AFTER;

        private Builder(CreditGateway gateway, CreditJournal journal, String scope) {
            this.gateway = Objects.requireNonNull(gateway, "gateway");
            this.journal = Objects.requireNonNull(journal, "journal");
            this.scope = Objects.requireNonNull(scope, "scope");
        }

        public Builder clock(Clock v) { clock = Objects.requireNonNull(v); return this; }

        /** An attempt without an outcome counts as in doubt once this old (default 5 min: longer than a credit's deadline). */
        public Builder staleAfter(Duration v) { staleAfter = positive(v, "staleAfter"); return this; }

        /**
         * A look-up that finds nothing settles a record as not credited only once the record is this old (default
         * 10 min): younger, the gateway's search may not show it yet.
         */
        public Builder notFoundAfter(Duration v) { notFoundAfter = positive(v, "notFoundAfter"); return this; }

        private static Duration positive(Duration v, String name) {
            if (v.isNegative() || v.isZero()) {
                throw new IllegalArgumentException(name + " must be positive");
            }
            return v;
        }

        public Reconciler build() {
            return new Reconciler(this);
        }
    }
}
