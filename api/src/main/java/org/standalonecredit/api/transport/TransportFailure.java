package org.standalonecredit.api.transport;

/**
 * A request that got no usable HTTP response. {@link #delivery()} says whether it could have
 * reached the gateway: {@link Delivery#NOT_SENT} is safe to retry, {@link Delivery#SENT} means the
 * outcome is unknown. The message names the failure, never request data.
 */
public final class TransportFailure extends Exception {
    private static final long serialVersionUID = 1L;

    public enum Delivery {
        /** Nothing reached the gateway: connection refused, connect timeout, TLS failure, no pooled connection, transport closed. */
        NOT_SENT,
        /** The request was (or may have been) written: the gateway may have acted on it. */
        SENT
    }

    public enum Kind {
        CONNECTION_REFUSED, CONNECT_TIMEOUT, UNKNOWN_HOST, TLS_FAILURE, POOL_EXHAUSTED,
        RESPONSE_TIMEOUT, DEADLINE_EXCEEDED, CONNECTION_LOST, RESPONSE_INCOMPLETE, RESPONSE_TOO_LARGE, IO_ERROR,
        /** The transport was closed before or while this request was under way: no further attempt can be made. */
        CLOSED
    }

    private final Delivery delivery;
    private final Kind kind;

    public TransportFailure(Delivery delivery, Kind kind, String message, Throwable cause) {
        super(kind + " (" + delivery + "): " + message, cause);
        this.delivery = delivery;
        this.kind = kind;
    }

    public Delivery delivery() {
        return delivery;
    }

    public Kind kind() {
        return kind;
    }

    public boolean wasSent() {
        return delivery == Delivery.SENT;
    }

    /**
     * Whether an answer arrived but could not be read whole: cut short, or over the size cap. The
     * outcome is unknown all the same; the detail is {@code UNREADABLE_RESPONSE}, not {@code NO_RESPONSE}.
     */
    public boolean answerUnreadable() {
        return kind == Kind.RESPONSE_INCOMPLETE || kind == Kind.RESPONSE_TOO_LARGE;
    }
}
