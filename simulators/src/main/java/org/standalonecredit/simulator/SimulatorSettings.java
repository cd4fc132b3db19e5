package org.standalonecredit.simulator;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import javax.net.ssl.SSLContext;

/**
 * Settings shared by all simulators; built through a simulator's builder.
 *
 * @param bindAddress   address to listen on (default loopback)
 * @param port          port to listen on; 0 picks a free port (default)
 * @param clock         simulator clock: signature freshness, replay windows, timestamps in answers
 * @param ids           identifier source
 * @param defaultDelay  how long {@link Behaviour#DELAY} waits unless a rule says otherwise (default 30 s)
 * @param workerThreads size of the request-handling pool (default 16)
 * @param magicAmounts  whether {@link MagicAmounts} apply (default false)
 * @param tls           the server's TLS context to answer over https, or null for plain http (default)
 */
public record SimulatorSettings(InetAddress bindAddress, int port, Clock clock, SimulatorIds ids,
                                Duration defaultDelay, int workerThreads, boolean magicAmounts, SSLContext tls) {
    public SimulatorSettings {
        Objects.requireNonNull(bindAddress, "bindAddress");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(ids, "ids");
        Objects.requireNonNull(defaultDelay, "defaultDelay");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        if (workerThreads < 1) {
            throw new IllegalArgumentException("workerThreads must be positive");
        }
    }
}
