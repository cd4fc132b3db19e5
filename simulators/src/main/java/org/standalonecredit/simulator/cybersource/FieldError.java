package org.standalonecredit.simulator.cybersource;

/**
 * One entry of a Cybersource 400 {@code details} array.
 *
 * @param field  dotted field path, e.g. {@code orderInformation.amountDetails.totalAmount}
 * @param reason {@link #MISSING_FIELD} or {@link #INVALID_DATA}
 */
record FieldError(String field, String reason) {
    static final String MISSING_FIELD = "MISSING_FIELD";
    static final String INVALID_DATA = "INVALID_DATA";

    static FieldError missing(String field) {
        return new FieldError(field, MISSING_FIELD);
    }

    static FieldError invalid(String field) {
        return new FieldError(field, INVALID_DATA);
    }
}
