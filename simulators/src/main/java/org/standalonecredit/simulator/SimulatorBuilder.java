package org.standalonecredit.simulator;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import javax.net.ssl.SSLContext;
import org.standalonecredit.simulator.tls.SelfSignedCertificate;

/**
 * Settings every simulator builder shares.
 *
 * @param <B> the concrete builder
 * @param <S> the simulator it builds
 */
public abstract class SimulatorBuilder<B extends SimulatorBuilder<B, S>, S extends GatewaySimulator> {
    private InetAddress bindAddress = InetAddress.getLoopbackAddress();
    private int port;
    private Clock clock = Clock.systemUTC();
    private SimulatorIds ids = SimulatorIds.random();
    private Duration defaultDelay = Duration.ofSeconds(30);
    private int workerThreads = 16;
    private boolean magicAmounts;
    private SSLContext tls;

    /** Constructor for subclasses. */
    protected SimulatorBuilder() {
    }

    /** The concrete builder ({@code this}). */
    protected abstract B self();

    /** Creates the simulator without starting it. */
    public abstract S build();

    /** Creates and starts the simulator. */
    public S start() {
        S sim = build();
        sim.start();
        return sim;
    }

    /** Port to listen on; 0 (default) picks a free one. */
    public B port(int port) {
        this.port = port;
        return self();
    }

    /** Address to listen on (default loopback). */
    public B bindAddress(InetAddress address) {
        this.bindAddress = Objects.requireNonNull(address);
        return self();
    }

    /** Simulator clock (default system UTC). See {@link MutableClock}. */
    public B clock(Clock clock) {
        this.clock = Objects.requireNonNull(clock);
        return self();
    }

    /** Identifier source (default random). */
    public B idGenerator(SimulatorIds ids) {
        this.ids = Objects.requireNonNull(ids);
        return self();
    }

    /** Default delay of {@link Behaviour#DELAY} (default 30 seconds). */
    public B defaultDelay(Duration delay) {
        this.defaultDelay = Objects.requireNonNull(delay);
        return self();
    }

    /** Size of the request-handling pool (default 16). */
    public B workerThreads(int threads) {
        this.workerThreads = threads;
        return self();
    }

    /** Whether {@link MagicAmounts} apply when no rule matches (default false; {@code SimulatorMain} turns them on). */
    public B magicAmounts(boolean enabled) {
        this.magicAmounts = enabled;
        return self();
    }

    /**
     * Answer over https, presenting this certificate (default: plain http). A client trusts it with
     * {@link SelfSignedCertificate#clientContextTrustingIt()}; generate one for {@code ip:127.0.0.1}.
     */
    public B https(SelfSignedCertificate certificate) {
        this.tls = certificate.serverContext();
        return self();
    }

    /** The shared settings as configured. */
    protected SimulatorSettings settings() {
        return new SimulatorSettings(bindAddress, port, clock, ids, defaultDelay, workerThreads, magicAmounts, tls);
    }
}
