package org.standalonecredit.micrometer;

import io.micrometer.observation.Observation;
import java.util.Objects;
import java.util.Optional;
import org.standalonecredit.api.observe.ExchangeEvent;

/**
 * What a handler or an {@link io.micrometer.observation.ObservationConvention} sees of one HTTP exchange of a call: the
 * masked request event and, once it came, the masked answer or failure event.
 */
public final class ExchangeObservationContext extends Observation.Context {
    private final ExchangeEvent request;
    private volatile ExchangeEvent answer;

    ExchangeObservationContext(ExchangeEvent request) {
        this.request = Objects.requireNonNull(request, "request");
    }

    /** The {@link ExchangeEvent.Phase#REQUEST} event, masked. */
    public ExchangeEvent request() {
        return request;
    }

    /** The {@link ExchangeEvent.Phase#RESPONSE} or {@link ExchangeEvent.Phase#FAILURE} event; empty while it is under way. */
    public Optional<ExchangeEvent> answer() {
        return Optional.ofNullable(answer);
    }

    void answer(ExchangeEvent event) {
        answer = event;
    }
}
