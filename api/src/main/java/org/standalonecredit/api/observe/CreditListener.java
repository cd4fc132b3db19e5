package org.standalonecredit.api.observe;

/**
 * Receives every exchange with a gateway, masked, with timings and attempt numbers. Called on the
 * caller's thread; keep it quick. A listener that throws is logged and ignored.
 */
@FunctionalInterface
public interface CreditListener {
    CreditListener NONE = event -> { };

    void onEvent(ExchangeEvent event);
}
