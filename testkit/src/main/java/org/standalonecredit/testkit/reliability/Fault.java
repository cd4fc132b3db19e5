package org.standalonecredit.testkit.reliability;

import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.standalonecredit.simulator.Behaviour;
import org.standalonecredit.simulator.GatewaySimulator;
import org.standalonecredit.testkit.reliability.support.ClosedPort;

/**
 * One fault of the matrix and how it is produced, all on loopback: a closed port, a listener whose
 * accept queue is full, a scripted simulator behaviour for the first credit request, or a proxy that
 * damages the simulator's real answer to every request.
 */
enum Fault {
    CONNECTION_REFUSED("connection refused (closed port)"),
    CONNECT_TIMEOUT("connect timeout (full accept queue)"),
    RESPONSE_TIMEOUT("response timeout (DELAY past response-timeout)"),
    RESET_AFTER_WRITE("connection closed after the request was written (CLOSE_CONNECTION)"),
    SERVER_ERROR("gateway 5xx (SERVER_ERROR)"),
    GATEWAY_TIMEOUT("gateway timeout answer (GATEWAY_TIMEOUT)"),
    MALFORMED_BODY("malformed body"),
    TRUNCATED_BODY("truncated body"),
    EMPTY_BODY("empty body"),
    HTML_BODY("HTML body (proxy error page)"),
    OVERSIZE_DECLARED("over-size body, Content-Length over the cap"),
    OVERSIZE_STREAMED("over-size body, no Content-Length"),
    SLOW_DRIP("slow-drip body past the deadline"),
    SLOW_DRIP_HEADERS("slow-drip status line and headers past the deadline"),
    // a re-send that meets a definite failure after an attempt whose answer was lost (the credit was made)
    LOST_THEN_AUTH_FAILURE("answer lost, then 401 to the re-send"),
    LOST_THEN_INVALID("answer lost, then 400 to the re-send"),
    LOST_THEN_REFUSED("answer lost, then the re-send's connection refused"),
    DUPLICATE_KEYS("a 2xx answer with every key twice");

    /** Longer than the matrix's response timeout; the simulator drops it when closed. */
    static final Duration DELAY = Duration.ofSeconds(4);

    private final String description;

    Fault(String description) {
        this.description = description;
    }

    /** Where the gateway must send, and what to close afterwards. */
    record Setup(String baseUrl, Runnable closer) implements AutoCloseable {
        @Override
        public void close() {
            closer.run();
        }
    }

    /** Prepares the fault against a running simulator. */
    Setup arrange(GatewaySimulator sim) {
        return switch (this) {
            case CONNECTION_REFUSED -> new Setup(ClosedPort.baseUrl(), () -> { });
            case CONNECT_TIMEOUT -> {
                StalledListener stalled = new StalledListener();
                if (!stalled.connectTimesOut()) {
                    stalled.close();
                    Assumptions.abort("this kernel accepts connections past a full backlog, so no connect timeout can be produced on loopback");
                }
                yield new Setup(stalled.baseUrl(), stalled::close);
            }
            case RESPONSE_TIMEOUT -> scripted(sim, Behaviour.DELAY);
            case RESET_AFTER_WRITE -> scripted(sim, Behaviour.CLOSE_CONNECTION);
            case SERVER_ERROR -> scripted(sim, Behaviour.SERVER_ERROR);
            case GATEWAY_TIMEOUT -> scripted(sim, Behaviour.GATEWAY_TIMEOUT);
            case MALFORMED_BODY -> scripted(sim, Behaviour.MALFORMED_BODY);
            case TRUNCATED_BODY -> scripted(sim, Behaviour.TRUNCATED_BODY);
            case EMPTY_BODY -> scripted(sim, Behaviour.EMPTY_BODY);
            case HTML_BODY -> scripted(sim, Behaviour.HTML_BODY);
            case OVERSIZE_DECLARED -> proxied(sim, ResponseFault.OVERSIZE_DECLARED);
            case OVERSIZE_STREAMED -> proxied(sim, ResponseFault.OVERSIZE_STREAMED);
            case SLOW_DRIP -> proxied(sim, ResponseFault.DRIP_BODY);
            case SLOW_DRIP_HEADERS -> proxied(sim, ResponseFault.DRIP_HEADERS);
            case LOST_THEN_AUTH_FAILURE -> lostThen(sim, Behaviour.AUTH_FAILURE);
            case LOST_THEN_INVALID -> lostThen(sim, Behaviour.INVALID_REQUEST);
            case LOST_THEN_REFUSED -> proxied(sim, ResponseFault.LOST_THEN_REFUSED);
            case DUPLICATE_KEYS -> proxied(sim, ResponseFault.DUPLICATE_KEYS);
        };
    }

    /** The first credit request gets the behaviour; a re-send is answered normally (a replay, for Commerce Hub). */
    private static Setup scripted(GatewaySimulator sim, Behaviour behaviour) {
        sim.script().nextRequests(1).respond(behaviour).delay(DELAY);
        return new Setup(sim.baseUrl(), () -> { });
    }

    /** The first credit request is processed and its connection dropped; the next one gets the refusal. */
    private static Setup lostThen(GatewaySimulator sim, Behaviour refusal) {
        sim.script().nextRequests(1).respond(Behaviour.CLOSE_CONNECTION);
        sim.script().nextRequests(1).respond(refusal);
        return new Setup(sim.baseUrl(), () -> { });
    }

    private static Setup proxied(GatewaySimulator sim, ResponseFault fault) {
        FaultProxy proxy = FaultProxy.start(sim.baseUrl(), fault);
        return new Setup(proxy.baseUrl(), proxy::close);
    }

    @Override
    public String toString() {
        return description;
    }
}
