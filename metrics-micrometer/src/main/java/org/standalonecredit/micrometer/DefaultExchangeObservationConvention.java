package org.standalonecredit.micrometer;

import io.micrometer.common.KeyValues;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;
import org.standalonecredit.api.observe.ExchangeEvent;

/**
 * The observation of one HTTP exchange, a child of its call's: named {@value #NAME}, contextually {@code "<operation>
 * attempt <n>"}, with low-cardinality keys {@code provider}, {@code operation}, {@code method}, and once answered
 * {@code status} (the HTTP status, or {@code "none"}) and {@code failure} (the transport failure kind and whether it
 * was sent, or {@code "none"}); the attempt number is a high-cardinality key. Never the path (it may hold a gateway
 * id), a header, a body or a key.
 */
public class DefaultExchangeObservationConvention implements ObservationConvention<ExchangeObservationContext> {
    public static final String NAME = "standalone.credit.exchange";
    static final DefaultExchangeObservationConvention INSTANCE = new DefaultExchangeObservationConvention();

    @Override
    public boolean supportsContext(Observation.Context context) {
        return context instanceof ExchangeObservationContext;
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public String getContextualName(ExchangeObservationContext context) {
        return context.request().operation() + " attempt " + context.request().attempt();
    }

    @Override
    public KeyValues getLowCardinalityKeyValues(ExchangeObservationContext context) {
        ExchangeEvent request = context.request();
        KeyValues keys = KeyValues.of(MicrometerCreditMetrics.PROVIDER, request.providerId(), MicrometerCreditMetrics.OPERATION,
                request.operation(), "method", request.method());
        return context.answer().map(a -> keys.and("status", a.status() > 0 ? Integer.toString(a.status()) : "none", "failure",
                a.failure() != null ? a.failure() : "none")).orElse(keys);
    }

    @Override
    public KeyValues getHighCardinalityKeyValues(ExchangeObservationContext context) {
        return KeyValues.of("attempt", Integer.toString(context.request().attempt()));
    }
}
