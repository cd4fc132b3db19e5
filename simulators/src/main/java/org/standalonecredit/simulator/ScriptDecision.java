package org.standalonecredit.simulator;

import java.time.Duration;
import java.util.Objects;

/**
 * The behaviour chosen for one request: from a scripted rule, a magic amount, or the gateway's default.
 *
 * @param behaviour what to do
 * @param processed whether the credit (or void) is actually carried out and recorded
 * @param delay     the delay for {@link Behaviour#DELAY}
 * @param rule      the rule that matched, or {@code null}
 */
public record ScriptDecision(Behaviour behaviour, boolean processed, Duration delay, ScriptRule rule) {

    public ScriptDecision {
        Objects.requireNonNull(behaviour, "behaviour");
        Objects.requireNonNull(delay, "delay");
    }

    /** A decision with the behaviour's default processing. */
    public static ScriptDecision of(Behaviour behaviour, Duration delay) {
        return new ScriptDecision(behaviour, behaviour.processedByDefault(), delay, null);
    }

    /** An error answer given without processing anything (validation is skipped too). */
    public boolean failsBeforeProcessing() {
        return behaviour.kind() == Behaviour.Kind.ERROR && !processed;
    }

    /** How far a successful answer's echoed amount is off, or {@code null} for a faithful echo. */
    public java.math.BigDecimal echoSkew() {
        return rule == null ? null : rule.echoSkew();
    }

    /** Whether the answer is damaged, delayed or lost in transport. */
    public boolean isTransportFault() {
        return behaviour.kind() == Behaviour.Kind.TRANSPORT;
    }
}
