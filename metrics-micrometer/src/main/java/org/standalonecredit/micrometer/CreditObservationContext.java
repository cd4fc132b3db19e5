package org.standalonecredit.micrometer;

import io.micrometer.observation.Observation;
import java.util.Objects;
import java.util.Optional;
import org.standalonecredit.api.observe.CreditEvent;

/**
 * What a handler or an {@link io.micrometer.observation.ObservationConvention} sees of one credit, void or status
 * look-up: how it started and, once it has ended, how it ended. Holds no card data and no secret (see
 * {@link CreditEvent}).
 */
public final class CreditObservationContext extends Observation.Context {
    private final CreditEvent.Started started;
    private volatile CreditEvent ended;

    CreditObservationContext(CreditEvent.Started started) {
        this.started = Objects.requireNonNull(started, "started");
    }

    public CreditEvent.Started started() {
        return started;
    }

    /** How the call ended; empty while it is under way. */
    public Optional<CreditEvent> ended() {
        return Optional.ofNullable(ended);
    }

    void end(CreditEvent event) {
        ended = event;
    }
}
