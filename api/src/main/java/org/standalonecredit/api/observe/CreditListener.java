package org.standalonecredit.api.observe;

import java.util.List;

/**
 * Receives every exchange with a gateway, masked, with timings and attempt numbers ({@link #onEvent}), and, around
 * each credit, void and status look-up, one {@link #onCallStarted} and one {@link #onCallEnded} when it ends. Called on the
 * caller's thread, in that order (started, the call's exchanges, ended); keep it quick. A listener that throws is
 * logged and ignored: it never changes a call's result.
 *
 * <p>Give one with {@code GatewayOptions.builder().listener(...)}; several with {@link #all}.
 */
@FunctionalInterface
public interface CreditListener {
    CreditListener NONE = event -> { };

    /** One HTTP exchange: a request about to be sent, its answer, or its failure. */
    void onEvent(ExchangeEvent event);

    /**
     * Whether {@link #onEvent} reads the masked headers and body of an exchange. A listener that answers false (one
     * that counts or times exchanges) gets its events without them (no headers, an empty body), which spares the
     * masked copy of every request and answer. True by default.
     */
    default boolean readsExchangeContent() {
        return true;
    }

    /** A credit, void or status look-up is starting; its {@link #onCallEnded} follows on this thread. Does nothing by default. */
    default void onCallStarted(CreditEvent.Started started) {
    }

    /** A credit, void or status look-up has ended, with its outcome, attempts and elapsed time. Does nothing by default. */
    default void onCallEnded(CreditEvent event) {
    }

    /**
     * One listener that calls each of {@code listeners} in order; one that throws is logged and ignored, and the
     * others are still called.
     */
    static CreditListener all(CreditListener... listeners) {
        List<CreditListener> each = List.of(listeners);
        if (each.isEmpty()) {
            return NONE;
        }
        if (each.size() == 1) {
            return each.get(0);
        }
        return new CombinedListener(each);
    }
}
