package org.standalonecredit.testkit.reliability;

import org.standalonecredit.simulator.Behaviour;

/** The faults a soak sprinkles over its credits; each hits a credit's first request only (faults pass). */
enum SoakFault {
    DELAY(Behaviour.DELAY, true),
    CLOSE_CONNECTION(Behaviour.CLOSE_CONNECTION, true),
    LOST_BEFORE_PROCESSING(Behaviour.CLOSE_CONNECTION, false),
    SERVER_ERROR(Behaviour.SERVER_ERROR, false),
    GATEWAY_TIMEOUT(Behaviour.GATEWAY_TIMEOUT, true),
    MALFORMED_BODY(Behaviour.MALFORMED_BODY, true),
    TRUNCATED_BODY(Behaviour.TRUNCATED_BODY, true),
    EMPTY_BODY(Behaviour.EMPTY_BODY, true),
    HTML_BODY(Behaviour.HTML_BODY, true);

    final Behaviour behaviour;
    /** Whether the gateway makes the credit before the fault hits the answer. */
    final boolean processed;

    SoakFault(Behaviour behaviour, boolean processed) {
        this.behaviour = behaviour;
        this.processed = processed;
    }
}
