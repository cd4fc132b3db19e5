package org.standalonecredit.testkit.conformance;

import java.util.List;
import org.standalonecredit.simulator.Behaviour;
import org.standalonecredit.simulator.GatewaySimulator;
import org.standalonecredit.simulator.Operation;
import org.standalonecredit.simulator.RecordedRequest;
import org.standalonecredit.simulator.cybersource.CybersourceSimulator;
import org.standalonecredit.simulator.commercehub.CommerceHubSimulator;

/**
 * {@link SimulatedGateway} over any {@link GatewaySimulator}: the testkit's own or one written for another
 * gateway on the public base. Credit requests are those the simulator's {@link GatewaySimulator#isCreditRequest}
 * recognises; scripted behaviours apply to credits.
 */
public final class SimulatorBackedGateway implements SimulatedGateway {
    private final GatewaySimulator simulator;

    public SimulatorBackedGateway(GatewaySimulator simulator) {
        this.simulator = simulator;
    }

    /** A started Cybersource simulator with its default credentials. */
    public static SimulatorBackedGateway cybersource(CybersourceSimulator.Builder builder) {
        return new SimulatorBackedGateway(builder.start());
    }

    /** A started Commerce Hub simulator with its default credentials. */
    public static SimulatorBackedGateway commerceHub(CommerceHubSimulator.Builder builder) {
        return new SimulatorBackedGateway(builder.start());
    }

    public GatewaySimulator simulator() {
        return simulator;
    }

    @Override
    public String baseUrl() {
        return simulator.baseUrl();
    }

    @Override
    public void respondNext(Behaviour behaviour) {
        simulator.script().nextRequests(1).on(Operation.CREDIT).respond(behaviour);
    }

    @Override
    public void respondAlways(Behaviour behaviour) {
        simulator.script().always().on(Operation.CREDIT).respond(behaviour);
    }

    @Override
    public void echoWrongAmountNext() {
        simulator.script().nextRequests(1).on(Operation.CREDIT).echoAmountOffBy("1.00").respond(Behaviour.APPROVE);
    }

    @Override
    public void reset() {
        simulator.script().reset();
    }

    @Override
    public int creditsInLedger() {
        return simulator.ledger().size();
    }

    @Override
    public List<RecordedRequest> creditRequests() {
        return simulator.creditRequests();
    }

    @Override
    public List<RecordedRequest> allRequests() {
        return simulator.journal().all();
    }

    @Override
    public void close() {
        simulator.close();
    }
}
