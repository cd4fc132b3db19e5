package org.standalonecredit.simulator;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A registered scripting rule, returned by {@link Script.RuleBuilder#respond(Behaviour)}. Its settings can
 * still be adjusted fluently, e.g. {@code sim.script().nextRequests(1).respond(Behaviour.CLOSE_CONNECTION).processed(false)}.
 */
public final class ScriptRule {
    private final String description;
    private final Set<Operation> operations;
    private final Predicate<RequestFacts> predicate;
    private final Behaviour behaviour;
    private volatile Boolean processed;
    private volatile Duration delay;
    private volatile java.math.BigDecimal echoSkew;
    private int remaining; // guarded by the owning Script; -1 = unlimited
    private int hits;      // guarded by the owning Script

    ScriptRule(String description, Set<Operation> operations, Predicate<RequestFacts> predicate, int times,
               Behaviour behaviour, Boolean processed, Duration delay) {
        this.description = description;
        this.operations = operations.isEmpty() ? EnumSet.allOf(Operation.class) : EnumSet.copyOf(operations);
        this.predicate = predicate;
        this.remaining = times;
        this.behaviour = Objects.requireNonNull(behaviour, "behaviour");
        this.processed = processed;
        this.delay = delay;
    }

    /** Overrides whether a request answered by this rule is processed (recorded in the ledger). */
    public ScriptRule processed(boolean processed) {
        this.processed = processed;
        return this;
    }

    /** Sets the delay used by {@link Behaviour#DELAY} for this rule. */
    public ScriptRule delay(Duration delay) {
        this.delay = Objects.requireNonNull(delay, "delay");
        return this;
    }

    /**
     * Makes a successful credit answer echo the requested amount plus {@code delta} (e.g. "1.00"),
     * as a faulty gateway or proxy might; the ledger keeps the true amount.
     */
    public ScriptRule echoAmountOffBy(String delta) {
        this.echoSkew = new java.math.BigDecimal(delta);
        return this;
    }

    /** The echo skew set by {@link #echoAmountOffBy(String)}, or {@code null}. */
    public java.math.BigDecimal echoSkew() {
        return echoSkew;
    }

    /** The behaviour this rule produces. */
    public Behaviour behaviour() {
        return behaviour;
    }

    /** Whether matching requests are processed: the override if set, else the behaviour's default. */
    public boolean isProcessed() {
        Boolean p = processed;
        return p != null ? p : behaviour.processedByDefault();
    }

    /** The explicit processing override, or {@code null} when the behaviour's default applies. */
    Boolean processedOverride() {
        return processed;
    }

    /** The explicit delay, or {@code null} to use the simulator's default. */
    public Duration delay() {
        return delay;
    }

    /** How many requests this rule has answered. */
    public int hits() {
        synchronized (this) {
            return hits;
        }
    }

    /** Whether a limited rule has been used up. */
    public boolean exhausted() {
        synchronized (this) {
            return remaining == 0;
        }
    }

    /** Human-readable description, e.g. {@code "amount 13.13 -> DECLINE"}. */
    public String description() {
        return description + " -> " + behaviour;
    }

    synchronized boolean tryConsume(RequestFacts facts) {
        if (remaining == 0 || !operations.contains(facts.operation()) || !predicate.test(facts)) {
            return false;
        }
        if (remaining > 0) {
            remaining--;
        }
        hits++;
        return true;
    }

    @Override
    public String toString() {
        return "ScriptRule[" + description() + "]";
    }
}
