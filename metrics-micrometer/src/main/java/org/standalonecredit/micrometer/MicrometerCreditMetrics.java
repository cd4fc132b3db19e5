package org.standalonecredit.micrometer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;
import org.standalonecredit.api.CreditOutcome;
import org.standalonecredit.api.FollowUpOutcome;
import org.standalonecredit.api.OutcomeDetail;
import org.standalonecredit.api.observe.CreditEvent;
import org.standalonecredit.api.observe.CreditListener;
import org.standalonecredit.api.observe.ExchangeEvent;

/**
 * Credits as Micrometer meters and observations. One line turns it on:
 *
 * <pre>{@code
 * GatewayOptions options = GatewayOptions.builder().listener(MicrometerCreditMetrics.of(meterRegistry, observationRegistry)).build();
 * CreditGateway gateway = StandaloneCredit.open(config, "credit", options);
 * }</pre>
 *
 * (with a listener of your own too: {@code CreditListener.all(yours, MicrometerCreditMetrics.of(...))}).
 *
 * <p>Meters, on the {@link MeterRegistry}, from the {@link CreditEvent} every call ends with (so from every provider,
 * ours or a third party's, and for replayed keys and journal failures too):
 * <ul>
 *   <li>{@value #CALLS} (timer): every credit, void and status look-up, its elapsed time from the gateway's clock;
 *       tags {@code operation} ({@code credit}, {@code void}, {@code status}), {@code provider}, {@code gateway},
 *       {@code outcome} (the outcome's name, {@code NONE} when the call threw), {@code detail} (the
 *       {@link OutcomeDetail}), {@code source} ({@link CreditEvent.Source}) and {@code exception} (the simple class
 *       name, or {@code none}).</li>
 *   <li>{@value #ATTEMPTS} (counter): the times credits were sent or tried ({@code CreditResult.attempts()}); tags
 *       {@code provider}, {@code gateway}.</li>
 *   <li>{@value #UNKNOWN} (counter): calls that ended UNKNOWN (money may have moved: reconcile); tags
 *       {@code operation}, {@code provider}, {@code gateway}, {@code detail}, {@code source}.</li>
 *   <li>{@value #ECHO_MISMATCHES} (counter): credits the gateway answered as a success echoing another amount or
 *       currency than requested ({@link OutcomeDetail#ECHO_MISMATCH}, reported UNKNOWN); replays of such a record are
 *       not counted again; tags {@code provider}, {@code gateway}.</li>
 * </ul>
 * Every tag value is a provider id, a configured gateway name, an enum name or an exception class name: never an
 * idempotency key, a reference, a gateway id, an amount or card data.
 *
 * <p>Observations, on the {@link ObservationRegistry}: one {@value DefaultCreditObservationConvention#NAME} per call
 * ({@link DefaultCreditObservationConvention}), in scope while the call runs, with one
 * {@value DefaultExchangeObservationConvention#NAME} child per HTTP exchange ({@link DefaultExchangeObservationConvention}),
 * so micrometer-tracing shows each credit as a span with its attempts beneath it. A call that threw is marked with an
 * error naming the exception class. With {@link ObservationRegistry#NOOP} nothing of this is done.
 *
 * <p>Listeners are called on the caller's thread (see {@link CreditListener}); the observations open on a thread are
 * kept in thread locals of this instance only from a call's start to its end. Thread-safe: share one instance across
 * gateways.
 */
public final class MicrometerCreditMetrics implements CreditListener {
    /** Timer: every call, by operation, provider, gateway, outcome, detail, source, exception. */
    public static final String CALLS = "standalone.credit.calls";
    /** Counter: the attempts of credits, by provider and gateway. */
    public static final String ATTEMPTS = "standalone.credit.attempts";
    /** Counter: calls that ended UNKNOWN, by operation, provider, gateway, detail and source. */
    public static final String UNKNOWN = "standalone.credit.unknown";
    /** Counter: credits whose answer echoed another amount or currency, by provider and gateway. */
    public static final String ECHO_MISMATCHES = "standalone.credit.echo.mismatches";

    static final String OPERATION = "operation";
    static final String PROVIDER = "provider";
    static final String GATEWAY = "gateway";
    static final String OUTCOME = "outcome";
    static final String DETAIL = "detail";
    static final String SOURCE = "source";
    static final String EXCEPTION = "exception";
    private static final String NONE = "none";

    private final MeterRegistry meters;
    private final ObservationRegistry observations;
    private final boolean observing;
    /** The calls under way on this thread, innermost first, each with its exchange under way. */
    private final ThreadLocal<Deque<OpenCall>> calls = new ThreadLocal<>();
    /** An exchange under way on this thread outside any call (a gateway not opened through the registry). */
    private final ThreadLocal<OpenExchange> looseExchange = new ThreadLocal<>();

    private MicrometerCreditMetrics(MeterRegistry meters, ObservationRegistry observations) {
        this.meters = Objects.requireNonNull(meters, "meters");
        this.observations = Objects.requireNonNull(observations, "observations");
        this.observing = !observations.isNoop();
    }

    /** Meters on {@code meters}, observations on {@code observations}: what an auto-configuration calls. */
    public static MicrometerCreditMetrics of(MeterRegistry meters, ObservationRegistry observations) {
        return new MicrometerCreditMetrics(meters, observations);
    }

    /** Meters only, no observations. */
    public static MicrometerCreditMetrics of(MeterRegistry meters) {
        return new MicrometerCreditMetrics(meters, ObservationRegistry.NOOP);
    }

    /** Only the exchanges' timing, status and failure are read: their headers and bodies are never masked for it. */
    @Override
    public boolean readsExchangeContent() {
        return false;
    }

    @Override
    public void onCallStarted(CreditEvent.Started started) {
        if (!observing) {
            return;
        }
        CreditObservationContext context = new CreditObservationContext(started);
        Observation observation = Observation.createNotStarted(null, DefaultCreditObservationConvention.INSTANCE, () -> context,
                observations).start();
        Deque<OpenCall> open = calls.get();
        if (open == null) {
            open = new ArrayDeque<>(2);
            calls.set(open);
        }
        open.push(new OpenCall(observation, observation.openScope(), context));
    }

    @Override
    public void onEvent(ExchangeEvent event) {
        if (!observing) {
            return;
        }
        Deque<OpenCall> open = calls.get();
        OpenCall call = open == null ? null : open.peek();
        if (event.phase() == ExchangeEvent.Phase.REQUEST) {
            // one exchange at a time on a thread: one left without an answer ends first, so scopes close in order
            if (call != null) {
                call.endExchange(null);
                call.exchange = startExchange(event, call);
            } else {
                endLooseExchange(null);
                looseExchange.set(startExchange(event, null));
            }
        } else if (call != null) {
            call.endExchange(event);
        } else {
            endLooseExchange(event);
        }
    }

    @Override
    public void onCallEnded(CreditEvent event) {
        record(event);
        if (!observing) {
            return;
        }
        Deque<OpenCall> open = calls.get();
        if (open == null) {
            return;
        }
        OpenCall call = open.pop();
        if (open.isEmpty()) {
            calls.remove();
        }
        call.endExchange(null);
        call.context.end(event);
        if (event.threw()) {
            call.observation.error(new CallFailed(event.exception()));
        }
        call.scope.close();
        call.observation.stop();
    }

    private void record(CreditEvent event) {
        String operation = DefaultCreditObservationConvention.operation(event.operation());
        Tags where = Tags.of(PROVIDER, event.providerId(), GATEWAY, event.gatewayName());
        Timer.builder(CALLS).description("Credits, voids and status look-ups, from their start to their result")
                .tags(where).tags(OPERATION, operation, OUTCOME, event.outcomeName(), DETAIL, event.detail().name(), SOURCE,
                        event.source().name(), EXCEPTION, exception(event))
                .register(meters).record(event.elapsed());
        if (event.operation() == CreditEvent.Operation.CREDIT && event.attempts() > 0) {
            Counter.builder(ATTEMPTS).description("Times credits were sent or tried").tags(where).register(meters)
                    .increment(event.attempts());
        }
        if (event.outcome() == CreditOutcome.UNKNOWN || event.followUpOutcome() == FollowUpOutcome.UNKNOWN) {
            Counter.builder(UNKNOWN).description("Calls that ended UNKNOWN: money may have moved, reconcile").tags(where)
                    .tags(OPERATION, operation, DETAIL, event.detail().name(), SOURCE, event.source().name()).register(meters).increment();
        }
        if (event.detail() == OutcomeDetail.ECHO_MISMATCH && event.source() == CreditEvent.Source.GATEWAY) {
            Counter.builder(ECHO_MISMATCHES).description("Credits whose answer echoed another amount or currency than requested")
                    .tags(where).register(meters).increment();
        }
    }

    static String exception(CreditEvent event) {
        return event.threw() ? event.exception() : NONE;
    }

    private OpenExchange startExchange(ExchangeEvent request, OpenCall call) {
        ExchangeObservationContext context = new ExchangeObservationContext(request);
        Observation observation = Observation.createNotStarted(null, DefaultExchangeObservationConvention.INSTANCE, () -> context,
                observations);
        if (call != null) {
            observation.parentObservation(call.observation);
        }
        observation.start();
        return new OpenExchange(observation, observation.openScope(), context);
    }

    private void endLooseExchange(ExchangeEvent answer) {
        OpenExchange exchange = looseExchange.get();
        if (exchange != null) {
            looseExchange.remove();
            exchange.end(answer);
        }
    }

    @Override
    public String toString() {
        return "MicrometerCreditMetrics[" + meters.getClass().getSimpleName() + (observing ? ", observations" : "") + "]";
    }

    /** A call's observation, its scope, and its exchange under way. */
    private static final class OpenCall {
        final Observation observation;
        final Observation.Scope scope;
        final CreditObservationContext context;
        OpenExchange exchange;

        OpenCall(Observation observation, Observation.Scope scope, CreditObservationContext context) {
            this.observation = observation;
            this.scope = scope;
            this.context = context;
        }

        /** Ends the exchange under way with its answer (null when none came, as when the call ends first). */
        void endExchange(ExchangeEvent answer) {
            if (exchange != null) {
                OpenExchange ending = exchange;
                exchange = null;
                ending.end(answer);
            }
        }
    }

    private static final class OpenExchange {
        final Observation observation;
        final Observation.Scope scope;
        final ExchangeObservationContext context;

        OpenExchange(Observation observation, Observation.Scope scope, ExchangeObservationContext context) {
            this.observation = observation;
            this.scope = scope;
            this.context = context;
        }

        void end(ExchangeEvent answer) {
            if (answer != null) {
                context.answer(answer);
            }
            scope.close();
            observation.stop();
        }
    }

    /** The error a call's observation is marked with when the call threw: its class name only, no message, no stack. */
    static final class CallFailed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        CallFailed(String exceptionClass) {
            super("the call threw " + exceptionClass, null, false, false);
        }
    }
}
