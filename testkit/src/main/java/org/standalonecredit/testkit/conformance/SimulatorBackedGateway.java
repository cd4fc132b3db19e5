package org.standalonecredit.testkit.conformance;

import java.util.List;
import org.standalonecredit.simulator.Behaviour;
import org.standalonecredit.simulator.GatewaySimulator;
import org.standalonecredit.simulator.Operation;
import org.standalonecredit.simulator.RecordedRequest;
import org.standalonecredit.simulator.cybersource.CybersourceSimulator;
import org.standalonecredit.simulator.commercehub.CommerceHubSimulator;

/** {@link SimulatedGateway} over one of the testkit's own simulators. */
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
        return simulator.journal().matching(r -> r.method().equals("POST") && isCreditPath(r.pathWithoutQuery()));
    }

    private static boolean isCreditPath(String path) {
        return path.equals("/pts/v2/credits") || path.endsWith("/payments/v1/credits") || path.endsWith("/payments/v1/refunds");
    }

    @Override
    public void close() {
        simulator.close();
    }
}
