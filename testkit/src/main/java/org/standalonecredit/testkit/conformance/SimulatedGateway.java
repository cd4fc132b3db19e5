package org.standalonecredit.testkit.conformance;

import java.util.List;
import org.standalonecredit.simulator.Behaviour;
import org.standalonecredit.simulator.RecordedRequest;

/**
 * A running gateway simulator as the conformance suite drives it. The testkit ships one for each
 * of its simulators; a provider author for another gateway implements it over their own simulator.
 */
public interface SimulatedGateway extends AutoCloseable {

    /** Where the provider must send its requests, e.g. {@code http://127.0.0.1:54321}. */
    String baseUrl();

    /** The next credit request gets this behaviour; later ones behave normally. */
    void respondNext(Behaviour behaviour);

    /** Every credit request gets this behaviour until {@link #reset()}. */
    void respondAlways(Behaviour behaviour);

    /**
     * The next credit is processed normally but the answer echoes another amount than requested
     * (a gateway or proxy bug the provider must not report as a clean success).
     */
    void echoWrongAmountNext();

    void reset();

    /** How many credits the simulator really accepted. */
    int creditsInLedger();

    /** Every credit request received, in order, exactly as received. */
    List<RecordedRequest> creditRequests();

    /**
     * Every request received, credits or not, in order. The suite reads it only to explain a failure: when
     * requests arrived but none counted as a credit, the credit predicate, not the provider, is likely wrong.
     */
    default List<RecordedRequest> allRequests() {
        return creditRequests();
    }

    @Override
    void close();
}
