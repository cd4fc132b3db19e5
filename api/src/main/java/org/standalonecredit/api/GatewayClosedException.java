package org.standalonecredit.api;

/**
 * The gateway was closed before this call: nothing was sent. Open a new gateway to continue. A call that
 * was already under way when {@link CreditGateway#close()} began is not refused: it ends with a result.
 */
public final class GatewayClosedException extends CreditException {
    private static final long serialVersionUID = 1L;

    public GatewayClosedException(String providerId) {
        super("The '" + providerId + "' gateway is closed; nothing was sent");
    }
}
