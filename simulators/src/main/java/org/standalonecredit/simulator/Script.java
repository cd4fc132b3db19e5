package org.standalonecredit.simulator;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Scripted behaviour of a simulator. Rules are tried in the order they were added; the first that matches
 * answers the request. Rules apply to {@link Operation#CREDIT} requests unless {@link RuleBuilder#on} says
 * otherwise. Requests that fail authentication never reach the script. Thread-safe.
 *
 * <pre>{@code
 * sim.script().nextRequests(1).respond(Behaviour.CLOSE_CONNECTION);
 * sim.script().whenAmount("13.13").respond(Behaviour.DECLINE);
 * sim.script().whenReference("REF-1").respond(Behaviour.DELAY).delay(Duration.ofSeconds(30));
 * sim.script().nextRequests(1).on(Operation.LOOKUP).respond(Behaviour.SERVER_ERROR);
 * sim.script().reset();
 * }</pre>
 */
public final class Script {
    private final List<ScriptRule> rules = new ArrayList<>();

    /** Matches the next {@code n} requests (of the rule's operations), whatever they contain. */
    public RuleBuilder nextRequests(int n) {
        if (n <= 0) {
            throw new IllegalArgumentException("n must be positive");
        }
        return new RuleBuilder("next " + n + " request(s)", f -> true).times(n);
    }

    /** Matches requests whose amount equals {@code amount} numerically ({@code "13.13"} matches {@code 13.130}). */
    public RuleBuilder whenAmount(String amount) {
        return whenAmount(new BigDecimal(amount));
    }

    /** Matches requests whose amount equals {@code amount} numerically. */
    public RuleBuilder whenAmount(BigDecimal amount) {
        Objects.requireNonNull(amount, "amount");
        return new RuleBuilder("amount " + amount.toPlainString(),
                f -> f.amount() != null && f.amount().compareTo(amount) == 0);
    }

    /** Matches requests whose merchant reference equals {@code reference}. */
    public RuleBuilder whenReference(String reference) {
        Objects.requireNonNull(reference, "reference");
        return new RuleBuilder("reference " + reference, f -> reference.equals(f.merchantReference()));
    }

    /** Matches requests whose client transaction / request id equals {@code id}. */
    public RuleBuilder whenClientTransactionId(String id) {
        Objects.requireNonNull(id, "id");
        return new RuleBuilder("client id " + id, f -> id.equals(f.clientTransactionId()));
    }

    /** Matches every request (until reset). */
    public RuleBuilder always() {
        return new RuleBuilder("every request", f -> true);
    }

    /** Matches requests satisfying an arbitrary predicate. */
    public RuleBuilder when(String description, Predicate<RequestFacts> predicate) {
        return new RuleBuilder(description, Objects.requireNonNull(predicate, "predicate"));
    }

    /** Removes every rule. */
    public synchronized void reset() {
        rules.clear();
    }

    /** A snapshot of the rules, including exhausted ones. */
    public synchronized List<ScriptRule> rules() {
        return List.copyOf(rules);
    }

    /**
     * Finds and consumes the first rule matching the request. Called by simulators.
     *
     * @return the matching rule, if any
     */
    public synchronized Optional<ScriptRule> match(RequestFacts facts) {
        for (ScriptRule rule : rules) {
            if (rule.tryConsume(facts)) {
                return Optional.of(rule);
            }
        }
        return Optional.empty();
    }

    private synchronized ScriptRule add(ScriptRule rule) {
        rules.add(rule);
        return rule;
    }

    /** Builds one rule; finish with {@link #respond(Behaviour)}. */
    public final class RuleBuilder {
        private final String description;
        private final Predicate<RequestFacts> predicate;
        private Set<Operation> operations = EnumSet.of(Operation.CREDIT);
        private int times = -1;
        private Boolean processed;
        private Duration delay;
        private String echoSkew;

        private RuleBuilder(String description, Predicate<RequestFacts> predicate) {
            this.description = description;
            this.predicate = predicate;
        }

        /** Restricts the rule to these operations (default: {@link Operation#CREDIT} only). */
        public RuleBuilder on(Operation... operations) {
            if (operations.length == 0) {
                throw new IllegalArgumentException("at least one operation");
            }
            this.operations = EnumSet.of(operations[0], operations);
            return this;
        }

        /** Lets the rule match every operation. */
        public RuleBuilder onAnyOperation() {
            this.operations = EnumSet.allOf(Operation.class);
            return this;
        }

        /** Limits the rule to {@code n} matches. */
        public RuleBuilder times(int n) {
            if (n <= 0) {
                throw new IllegalArgumentException("n must be positive");
            }
            this.times = n;
            return this;
        }

        /** Overrides whether matching requests are processed (recorded in the ledger). */
        public RuleBuilder processed(boolean processed) {
            this.processed = processed;
            return this;
        }

        /** The delay for {@link Behaviour#DELAY}. */
        public RuleBuilder delay(Duration delay) {
            this.delay = Objects.requireNonNull(delay, "delay");
            return this;
        }

        /** A successful answer echoes the requested amount plus {@code delta}; see {@link ScriptRule#echoAmountOffBy(String)}. */
        public RuleBuilder echoAmountOffBy(String delta) {
            this.echoSkew = delta;
            return this;
        }

        /** Registers the rule and returns it (its settings can still be adjusted). */
        public ScriptRule respond(Behaviour behaviour) {
            ScriptRule rule = new ScriptRule(description, operations, predicate, times, behaviour, processed, delay);
            if (echoSkew != null) {
                rule.echoAmountOffBy(echoSkew);
            }
            return add(rule);
        }
    }
}
