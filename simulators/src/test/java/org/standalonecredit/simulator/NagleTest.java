package org.standalonecredit.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.standalonecredit.simulator.cybersource.CybersourceSimulator;

/**
 * A started simulator has asked the JDK's HTTP server for TCP_NODELAY: without it every answer on a
 * kept-alive connection waits for the client's delayed ACK (~40 ms; 50 sequential credits took 2.4 s
 * instead of 0.1 s). The server reads the property when its first instance is made.
 */
class NagleTest {
    @Test
    void aStartedSimulatorAnswersWithoutWaitingForDelayedAcks() {
        try (CybersourceSimulator sim = CybersourceSimulator.builder().start()) {
            assertEquals("true", System.getProperty("sun.net.httpserver.nodelay"));
        }
    }
}
