package org.standalonecredit.micrometer;

import io.micrometer.common.KeyValues;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;
import java.util.Locale;
import org.standalonecredit.api.observe.CreditEvent;

/**
 * The observation of a credit, void or status look-up: named {@value #NAME}, contextually {@code "<operation>
 * <provider>"} ("credit cybersource"), with low-cardinality keys only: {@code operation}, {@code provider},
 * {@code gateway}, and once it ended {@code outcome}, {@code detail}, {@code source}, {@code exception}. Never an id,
 * a reference or card data. Replace it with a {@link io.micrometer.observation.GlobalObservationConvention} for
 * {@link CreditObservationContext} on the registry.
 */
public class DefaultCreditObservationConvention implements ObservationConvention<CreditObservationContext> {
    public static final String NAME = "standalone.credit";
    static final DefaultCreditObservationConvention INSTANCE = new DefaultCreditObservationConvention();

    @Override
    public boolean supportsContext(Observation.Context context) {
        return context instanceof CreditObservationContext;
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public String getContextualName(CreditObservationContext context) {
        return operation(context.started().operation()) + " " + context.started().providerId();
    }

    @Override
    public KeyValues getLowCardinalityKeyValues(CreditObservationContext context) {
        CreditEvent.Started started = context.started();
        KeyValues keys = KeyValues.of(MicrometerCreditMetrics.OPERATION, operation(started.operation()), MicrometerCreditMetrics.PROVIDER,
                started.providerId(), MicrometerCreditMetrics.GATEWAY, started.gatewayName());
        return context.ended().map(e -> keys.and(MicrometerCreditMetrics.OUTCOME, e.outcomeName(), MicrometerCreditMetrics.DETAIL,
                e.detail().name(), MicrometerCreditMetrics.SOURCE, e.source().name(), MicrometerCreditMetrics.EXCEPTION,
                MicrometerCreditMetrics.exception(e))).orElse(keys);
    }

    static String operation(CreditEvent.Operation operation) {
        return operation.name().toLowerCase(Locale.ROOT);
    }
}
