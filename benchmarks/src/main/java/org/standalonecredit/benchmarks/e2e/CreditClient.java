package org.standalonecredit.benchmarks.e2e;

/**
 * One way of making the seed credit against the simulator. The harness asks for one {@link Caller} per
 * concurrent caller slot, keeps it for the whole run, and calls it from one thread at a time.
 */
public interface CreditClient extends AutoCloseable {

    /** Short name for the table: "library", "floor", "sdk". */
    String name();

    /** A caller for one thread (shares whatever the client is meant to share between threads). */
    Caller newCaller() throws Exception;

    /** Called before each measured phase, with nothing in flight. */
    default void beforePhase() {
    }

    @Override
    void close();

    /** Makes one credit; throws unless the gateway accepted it. */
    @FunctionalInterface
    interface Caller {
        void credit() throws Exception;
    }
}
