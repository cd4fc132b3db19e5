package org.standalonecredit.simulator;

/**
 * The gateways the simulators impersonate. Recorded on every {@link LedgerEntry} so a test can tell
 * which simulator accepted a credit.
 */
public enum Gateway implements GatewayId {
    /** Cybersource REST ({@code apitest.cybersource.com}). */
    CYBERSOURCE("cybersource"),
    /** Visa Acceptance REST: the same API as Cybersource on {@code apitest.visaacceptance.com}. */
    VISA_ACCEPTANCE("visaacceptance"),
    /** Fiserv Commerce Hub. */
    COMMERCE_HUB("commercehub");

    private final String id;

    Gateway(String id) {
        this.id = id;
    }

    @Override
    public String id() {
        return id;
    }
}
