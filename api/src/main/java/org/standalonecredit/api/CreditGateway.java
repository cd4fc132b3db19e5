package org.standalonecredit.api;

/**
 * A configured connection to one gateway for one merchant. Thread-safe; create once, share, and
 * close when done (it owns a connection pool). Every method validates before any HTTP call.
 */
public interface CreditGateway extends AutoCloseable {

    String providerId();

    org.standalonecredit.api.spi.ProviderCapabilities capabilities();

    /**
     * Sends a stand-alone credit. Never throws for a gateway answer or a network failure: those are
     * outcomes in the result. Throws {@link InvalidRequestException} when the request breaks this
     * gateway's rules (e.g. an unsupported payment source), and {@link GatewayClosedException} after
     * {@link #close()}, both before sending anything. Once a request may have been sent, it never throws.
     */
    CreditResult credit(CreditRequest request);

    /**
     * Throws {@link InvalidRequestException} when {@link #credit} would refuse this request before sending
     * anything; does no I/O. Lets a caller refuse locally before it records an attempt. A gateway that
     * cannot tell in advance accepts everything here, and {@link #credit} still validates.
     */
    default void preflight(CreditRequest request) {
    }

    /** Voids a credit. Throws {@link UnsupportedFollowUpException} if the provider does not declare it. */
    VoidResult voidCredit(VoidRequest request);

    /** Looks credits up. Throws {@link UnsupportedFollowUpException} if the provider does not declare the query. */
    StatusResult status(StatusQuery query);

    /**
     * Refuses new calls ({@link GatewayClosedException}), waits a bounded time for the calls under way to end,
     * then releases the connection pool. A call still under way after that wait ends with a result: UNKNOWN if
     * its request may have reached the gateway, NOT_SENT if not. Calling it again does nothing.
     */
    @Override
    void close();
}
