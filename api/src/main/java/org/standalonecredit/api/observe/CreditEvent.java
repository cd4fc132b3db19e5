package org.standalonecredit.api.observe;

import java.time.Duration;
import java.util.Objects;
import org.standalonecredit.api.CreditOutcome;
import org.standalonecredit.api.FollowUpOutcome;
import org.standalonecredit.api.OutcomeDetail;
import org.standalonecredit.api.privacy.Masking;

/**
 * One call to a gateway (a credit, a void or a status look-up) as it ended, as a listener sees it: one event per
 * call, fired by the {@link org.standalonecredit.api.journal.JournaledCreditGateway} the registry puts around every
 * gateway, so every provider, ours or a third party's, reports it the same way. It holds no card data, no secret
 * and no gateway id: the only value that names one credit is its idempotency key (as {@link ExchangeEvent} carries
 * it), with any card-number-like digit run in it masked.
 *
 * <p>How a credit ended, by {@link #source()}:
 * <ul>
 *   <li>{@link Source#GATEWAY}: the provider's gateway handled it; {@link #outcome()} is its result, which may itself be
 *       {@code NOT_SENT} (never left the machine) or {@code UNKNOWN} ({@code ECHO_MISMATCH} among others), and
 *       {@link #attempts()} is the result's attempt count. If the provider threw, {@link #exception()} names the
 *       exception class and the outcome is null.</li>
 *   <li>{@link Source#JOURNAL_REPLAY}: the journal already held the key and nothing was sent: the recorded outcome,
 *       or {@code UNKNOWN}/{@code IN_DOUBT_IN_JOURNAL} for a key in doubt; attempts 0.</li>
 *   <li>{@link Source#JOURNAL_UNAVAILABLE}: the journal could not record the attempt, so nothing was sent:
 *       {@code NOT_SENT}/{@code JOURNAL_UNAVAILABLE}, attempts 0.</li>
 *   <li>{@link Source#REFUSED}: refused before the gateway was asked (a closed gateway, a request the provider's
 *       preflight refuses, a key already used for another credit); {@link #exception()} names the exception, the
 *       outcome is null, attempts 0.</li>
 * </ul>
 *
 * <p>A void or a status look-up has a {@link #followUpOutcome()} instead of an {@link #outcome()}, no idempotency key,
 * detail {@link OutcomeDetail#NONE} and attempts 0 (its results do not count attempts; its {@link ExchangeEvent}s do).
 *
 * @param operation       what was called
 * @param providerId      the provider's id ("cybersource", ...)
 * @param gatewayName     the configured name of the gateway ("credit", "merchant-a", ...)
 * @param idempotencyKey  the credit's idempotency key, digit runs masked; null for a follow-up
 * @param outcome         the credit's outcome; null for a follow-up or when the call threw
 * @param followUpOutcome the void's or look-up's outcome; null for a credit or when the call threw
 * @param detail          why the credit has its outcome; {@link OutcomeDetail#NONE} when there is nothing finer
 * @param attempts        how many times the credit was sent or tried ({@code CreditResult.attempts()}); 0 when
 *                        nothing was tried, and for follow-ups
 * @param elapsed         from the call's start to its end, read from the gateway's clock
 *                        ({@code GatewayOptions.clock()}); never negative
 * @param source          who produced the result
 * @param exception       the simple class name of the exception the call threw, or null when it returned
 */
public record CreditEvent(Operation operation, String providerId, String gatewayName, String idempotencyKey, CreditOutcome outcome,
                          FollowUpOutcome followUpOutcome, OutcomeDetail detail, int attempts, Duration elapsed, Source source,
                          String exception) {

    /** What was called. */
    public enum Operation { CREDIT, VOID, STATUS }

    /** Who produced the result: see {@link CreditEvent}. */
    public enum Source { GATEWAY, JOURNAL_REPLAY, JOURNAL_UNAVAILABLE, REFUSED }

    public CreditEvent {
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(providerId, "providerId");
        Objects.requireNonNull(gatewayName, "gatewayName");
        Objects.requireNonNull(source, "source");
        idempotencyKey = idempotencyKey == null ? null : Masking.maskDigitRuns(idempotencyKey);
        detail = detail == null ? OutcomeDetail.NONE : detail;
        elapsed = elapsed == null || elapsed.isNegative() ? Duration.ZERO : elapsed;
        attempts = Math.max(0, attempts);
    }

    /** Whether the call threw instead of returning a result. */
    public boolean threw() {
        return exception != null;
    }

    /** The outcome's name ({@link CreditOutcome} or {@link FollowUpOutcome}), or {@code "NONE"} when the call threw. */
    public String outcomeName() {
        if (outcome != null) {
            return outcome.name();
        }
        return followUpOutcome != null ? followUpOutcome.name() : "NONE";
    }

    /**
     * A call about to start, as a listener sees it ({@link CreditListener#onCallStarted}): fired on the caller's thread
     * before anything is checked, claimed or sent; the {@link CreditEvent} with the same operation follows on the same
     * thread when the call ends, whatever happens.
     *
     * @param idempotencyKey the credit's idempotency key, digit runs masked; null for a follow-up
     */
    public record Started(Operation operation, String providerId, String gatewayName, String idempotencyKey) {
        public Started {
            Objects.requireNonNull(operation, "operation");
            Objects.requireNonNull(providerId, "providerId");
            Objects.requireNonNull(gatewayName, "gatewayName");
            idempotencyKey = idempotencyKey == null ? null : Masking.maskDigitRuns(idempotencyKey);
        }
    }
}
