package org.standalonecredit.simulator;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Default behaviours chosen by the cents of a credit amount, for stand-alone or staging use where nobody
 * can script the simulator. Off by default in code (enable with {@code magicAmounts(true)} on the builder) so
 * arbitrary test amounts never surprise anyone; on by default in {@code SimulatorMain}. Scripted rules always win.
 *
 * <table>
 *   <caption>Magic amounts (any whole part)</caption>
 *   <tr><th>cents</th><th>behaviour</th></tr>
 *   <tr><td>.51</td><td>{@link Behaviour#DECLINE}</td></tr>
 *   <tr><td>.52</td><td>{@link Behaviour#SERVER_ERROR}</td></tr>
 *   <tr><td>.53</td><td>{@link Behaviour#GATEWAY_TIMEOUT}</td></tr>
 *   <tr><td>.54</td><td>{@link Behaviour#DELAY}</td></tr>
 *   <tr><td>.55</td><td>{@link Behaviour#CLOSE_CONNECTION}</td></tr>
 *   <tr><td>.56</td><td>{@link Behaviour#MALFORMED_BODY}</td></tr>
 *   <tr><td>.57</td><td>{@link Behaviour#EMPTY_BODY}</td></tr>
 *   <tr><td>.58</td><td>{@link Behaviour#HTML_BODY}</td></tr>
 *   <tr><td>.59</td><td>{@link Behaviour#TRUNCATED_BODY}</td></tr>
 * </table>
 */
public final class MagicAmounts {
    private static final Map<BigDecimal, Behaviour> TABLE = new LinkedHashMap<>();

    static {
        TABLE.put(new BigDecimal("0.51"), Behaviour.DECLINE);
        TABLE.put(new BigDecimal("0.52"), Behaviour.SERVER_ERROR);
        TABLE.put(new BigDecimal("0.53"), Behaviour.GATEWAY_TIMEOUT);
        TABLE.put(new BigDecimal("0.54"), Behaviour.DELAY);
        TABLE.put(new BigDecimal("0.55"), Behaviour.CLOSE_CONNECTION);
        TABLE.put(new BigDecimal("0.56"), Behaviour.MALFORMED_BODY);
        TABLE.put(new BigDecimal("0.57"), Behaviour.EMPTY_BODY);
        TABLE.put(new BigDecimal("0.58"), Behaviour.HTML_BODY);
        TABLE.put(new BigDecimal("0.59"), Behaviour.TRUNCATED_BODY);
    }

    private MagicAmounts() {
    }

    /** The magic behaviour for an amount, if its fractional part is in the table. */
    public static Optional<Behaviour> behaviourFor(BigDecimal amount) {
        if (amount == null || amount.signum() <= 0) {
            return Optional.empty();
        }
        BigDecimal fraction = amount.subtract(amount.setScale(0, RoundingMode.DOWN));
        for (Map.Entry<BigDecimal, Behaviour> e : TABLE.entrySet()) {
            if (e.getKey().compareTo(fraction) == 0) {
                return Optional.of(e.getValue());
            }
        }
        return Optional.empty();
    }

    /** The table, fraction to behaviour, in ascending order. */
    public static Map<BigDecimal, Behaviour> table() {
        return Map.copyOf(TABLE);
    }
}
