package org.standalonecredit.kit;

import org.standalonecredit.api.spi.Sleeper;
import org.standalonecredit.api.spi.RetryPolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.standalonecredit.api.transport.InboundResponse;
import org.standalonecredit.api.transport.OutboundRequest;
import org.standalonecredit.api.transport.TransportFailure;

/**
 * The one place the library decides to send again. A request that was never sent is retried up to
 * the policy's attempts. A request that was sent (or answered with a retryable status) is re-sent
 * only when the gateway deduplicates it by an idempotency key, and only within the budget.
 * {@code request} is called for every attempt so signatures and timestamps are fresh, while the
 * body and idempotency key must stay identical. Nothing is tried after the transport was closed.
 */
public final class AttemptLoop {
    private final GatewayExchange exchange;
    private final RetryPolicy policy;
    private final Sleeper sleeper;
    private final Duration budget;

    public AttemptLoop(GatewayExchange exchange, RetryPolicy policy, Sleeper sleeper, Duration budget) {
        this.exchange = exchange;
        this.policy = policy;
        this.sleeper = sleeper;
        this.budget = budget;
    }

    /**
     * The last exchange and how many attempts were made. {@code sentBeforeLast} says that an attempt before
     * the last one may have reached the gateway: whatever the last attempt met then (a refusal, a refused
     * connection), that earlier attempt may have made the credit. Map the result with
     * {@link AbstractCreditGateway#settle}.
     */
    public record Outcome(GatewayExchange.Exchange last, int attempts, boolean sentBeforeLast) {
        /** Whether any attempt, the last included, may have reached the gateway. */
        public boolean wasEverSent() {
            return sentBeforeLast || last.answered() || last.failure().wasSent();
        }
    }

    /**
     * @param gatewayDeduplicates whether re-sending the same request after it was sent is safe
     * @param retryableAnswer     answers worth re-sending when the gateway deduplicates (e.g. 5xx, 504, 408)
     */
    public Outcome run(String operation, String idempotencyKey, Supplier<OutboundRequest> request,
                       boolean gatewayDeduplicates, Predicate<InboundResponse> retryableAnswer) {
        Instant start = exchange.clock().instant();
        int attempt = 0;
        int notSentRetries = 0;
        int resends = 0;
        boolean sentBefore = false;
        while (true) {
            attempt++;
            OutboundRequest outbound;
            try {
                outbound = request.get();
            } catch (RuntimeException e) {
                if (!sentBefore) {
                    throw e; // nothing left this machine: the caller may report it as it is
                }
                // a re-send that cannot even be prepared must not hide the attempt that may have credited
                TransportFailure unprepared = new TransportFailure(TransportFailure.Delivery.NOT_SENT, TransportFailure.Kind.IO_ERROR,
                        "the request could not be prepared again: " + e.getClass().getSimpleName(), e);
                return new Outcome(new GatewayExchange.Exchange(null, unprepared, Duration.ZERO, attempt), attempt, true);
            }
            GatewayExchange.Exchange ex = exchange.send(operation, outbound, idempotencyKey, attempt);
            boolean sentNow = ex.answered() || ex.failure().wasSent();
            boolean again;
            if (ex.answered()) {
                again = gatewayDeduplicates && retryableAnswer.test(ex.response()) && resends++ < policy.maxResendsAfterSent();
            } else if (ex.failure().kind() == TransportFailure.Kind.CLOSED) {
                again = false;
            } else if (!sentNow) {
                again = notSentRetries++ < policy.maxAttempts() - 1;
            } else {
                again = gatewayDeduplicates && resends++ < policy.maxResendsAfterSent();
            }
            if (!again) {
                return new Outcome(ex, attempt, sentBefore);
            }
            Duration pause = policy.pauseBefore(attempt + 1);
            if (!withinBudget(start, pause)) {
                return new Outcome(ex, attempt, sentBefore);
            }
            try {
                sleeper.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Outcome(ex, attempt, sentBefore);
            }
            sentBefore |= sentNow;
        }
    }

    /** Whether a pause and a further attempt still fit the budget; never throws, whatever the durations. */
    private boolean withinBudget(Instant start, Duration pause) {
        Duration used = Duration.between(start, exchange.clock().instant());
        return pause.compareTo(budget) < 0 && used.compareTo(budget.minus(pause)) < 0;
    }
}
