package org.standalonecredit.simulator;

import java.math.BigDecimal;

/**
 * What scripted rules can match on, extracted leniently from a request before it is validated (fields may be
 * {@code null}).
 *
 * @param operation           the kind of request
 * @param path                request path without query
 * @param amount              the requested amount, if it could be read as a number
 * @param currency            currency code as sent
 * @param merchantReference   the merchant's reference (see {@link LedgerEntry#merchantReference()})
 * @param clientTransactionId the client's transaction/request id (see {@link LedgerEntry#clientTransactionId()})
 */
public record RequestFacts(Operation operation, String path, BigDecimal amount, String currency,
                           String merchantReference, String clientTransactionId) {

    /** Facts for a request that carries no amount or references. */
    public static RequestFacts of(Operation operation, String path) {
        return new RequestFacts(operation, path, null, null, null, null);
    }

    /** Parses a decimal leniently; {@code null} when not a number. */
    public static BigDecimal parseAmount(String text) {
        if (text == null) {
            return null;
        }
        try {
            return new BigDecimal(text.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
