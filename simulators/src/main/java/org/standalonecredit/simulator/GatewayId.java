package org.standalonecredit.simulator;

import java.util.Objects;

/**
 * Names the gateway a simulator impersonates; recorded on every {@link LedgerEntry}. The gateways this
 * project ships simulators for are the {@link Gateway} constants; a simulator for any other gateway names
 * itself with {@link #of(String)}.
 */
public interface GatewayId {

    /** Short lower-case identifier, e.g. {@code "cybersource"}; also names the simulator's threads. */
    String id();

    /** A gateway this project does not know, e.g. {@code GatewayId.of("examplepay")}. */
    static GatewayId of(String id) {
        return new Named(id);
    }

    /** A gateway named by its id alone. Not equal to a {@link Gateway} constant of the same id. */
    record Named(String id) implements GatewayId {
        public Named {
            Objects.requireNonNull(id, "id");
            if (!id.matches("[a-z0-9][a-z0-9._-]*")) {
                throw new IllegalArgumentException("a gateway id is lower-case letters, digits, '.', '_' or '-': " + id);
            }
        }
    }
}
