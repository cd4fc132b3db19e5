package org.standalonecredit.api.spi;

import java.time.Clock;
import java.util.Objects;
import java.util.function.Function;
import javax.net.ssl.SSLContext;
import org.standalonecredit.api.IdGenerator;
import org.standalonecredit.api.journal.CreditJournal;
import org.standalonecredit.api.observe.CreditListener;
import org.standalonecredit.api.transport.HttpTransport;
import org.standalonecredit.api.transport.TransportSettings;

/** Run-time collaborators that are not configuration values: clock, ids, listener, TLS, transport. */
public final class GatewayOptions {
    private final Clock clock;
    private final IdGenerator ids;
    private final CreditListener listener;
    private final SSLContext sslContext;
    private final Function<TransportSettings, HttpTransport> transportFactory;
    private final Sleeper sleeper;
    private final CreditJournal journal;

    private GatewayOptions(Builder b) {
        clock = b.clock;
        ids = b.ids;
        listener = b.listener;
        sslContext = b.sslContext;
        transportFactory = b.transportFactory;
        sleeper = b.sleeper;
        journal = b.journal;
    }

    public static GatewayOptions defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Clock clock() { return clock; }
    public IdGenerator ids() { return ids; }
    public CreditListener listener() { return listener; }
    public SSLContext sslContext() { return sslContext; }
    /** The transport factory given, or null: then the {@link org.standalonecredit.api.transport.HttpTransportFactory} found with ServiceLoader. */
    public Function<TransportSettings, HttpTransport> transportFactory() { return transportFactory; }
    public Sleeper sleeper() { return sleeper; }
    /** The journal given, or null: then the one {@code <name>.journal.*} configures (the JVM-wide in-memory one by default). */
    public CreditJournal journal() { return journal; }

    public static final class Builder {
        Builder() {
        }

        private Clock clock = Clock.systemUTC();
        private IdGenerator ids = IdGenerator.randomUuids();
        private CreditListener listener = CreditListener.NONE;
        private SSLContext sslContext;
        private Function<TransportSettings, HttpTransport> transportFactory;
        private Sleeper sleeper = Sleeper.REAL;
        private CreditJournal journal;

        public Builder clock(Clock v) { clock = Objects.requireNonNull(v); return this; }
        public Builder ids(IdGenerator v) { ids = Objects.requireNonNull(v); return this; }
        public Builder listener(CreditListener v) { listener = Objects.requireNonNull(v); return this; }
        public Builder sslContext(SSLContext v) { sslContext = v; return this; }
        public Builder transportFactory(Function<TransportSettings, HttpTransport> v) { transportFactory = Objects.requireNonNull(v); return this; }
        public Builder sleeper(Sleeper v) { sleeper = Objects.requireNonNull(v); return this; }
        /** Records credits in this journal (the application closes it) instead of the configured one. */
        public Builder journal(CreditJournal v) { journal = Objects.requireNonNull(v); return this; }

        public GatewayOptions build() {
            return new GatewayOptions(this);
        }
    }
}
