package org.standalonecredit.simulator.cybersource;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.standalonecredit.simulator.Pans;

/**
 * Required-field and format checks for {@code POST /pts/v2/credits}, producing Cybersource
 * {@code details[]} entries. Never includes field values in its output.
 */
final class CreditRequestValidator {
    static final String AMOUNT = "orderInformation.amountDetails.totalAmount";
    static final String CURRENCY = "orderInformation.amountDetails.currency";
    static final String CUSTOMER_ID = "paymentInformation.customer.id";
    static final String PAYMENT_INSTRUMENT_ID = "paymentInformation.paymentInstrument.id";
    static final String INSTRUMENT_IDENTIFIER_ID = "paymentInformation.instrumentIdentifier.id";
    static final String CARD_NUMBER = "paymentInformation.card.number";
    static final String CARD_MONTH = "paymentInformation.card.expirationMonth";
    static final String CARD_YEAR = "paymentInformation.card.expirationYear";
    static final String CARD_TYPE = "paymentInformation.card.type";
    static final String CODE = "clientReferenceInformation.code";
    static final String TRANSACTION_ID = "clientReferenceInformation.transactionId";
    static final String CERTIFICATION_NUMBER = "clientReferenceInformation.partner.thirdPartyCertificationNumber";

    private static final Pattern AMOUNT_PATTERN = Pattern.compile("\\d+(\\.\\d+)?");
    private static final Pattern CURRENCY_PATTERN = Pattern.compile("[A-Za-z]{3}");
    private static final Pattern MONTH = Pattern.compile("0[1-9]|1[0-2]");
    private static final Pattern YEAR = Pattern.compile("\\d{4}");
    private static final Pattern TYPE = Pattern.compile("\\d{3}");
    private static final List<String> SOURCES = List.of(CUSTOMER_ID, PAYMENT_INSTRUMENT_ID, INSTRUMENT_IDENTIFIER_ID, CARD_NUMBER);
    private static final List<String> MASS_TRANSIT_REQUIRED = List.of(CERTIFICATION_NUMBER, TRANSACTION_ID,
            INSTRUMENT_IDENTIFIER_ID, CARD_MONTH, CARD_YEAR, CARD_TYPE);

    private CreditRequestValidator() {
    }

    static String pointer(String dotted) {
        return "/" + dotted.replace('.', '/');
    }

    /** Validates a credit; empty when valid. */
    static List<FieldError> validate(JsonNode body, boolean massTransit) {
        Map<String, FieldError> errors = new LinkedHashMap<>();
        checkAmount(body, errors);
        checkString(body, CURRENCY, true, CURRENCY_PATTERN, errors);
        checkSources(body, massTransit, errors);
        checkOptionalLength(body, CODE, 50, errors);
        checkOptionalLength(body, TRANSACTION_ID, 30, errors);
        if (massTransit) {
            for (String field : MASS_TRANSIT_REQUIRED) {
                if (!hasText(body, field)) {
                    errors.put(field, FieldError.missing(field));
                }
            }
        }
        return new ArrayList<>(errors.values());
    }

    private static void checkAmount(JsonNode body, Map<String, FieldError> errors) {
        JsonNode n = body.at(pointer(AMOUNT));
        if (n.isMissingNode() || n.isNull() || (n.isTextual() && n.asText().isBlank())) {
            errors.put(AMOUNT, FieldError.missing(AMOUNT));
        } else if (!n.isTextual() || n.asText().length() > 17 || !AMOUNT_PATTERN.matcher(n.asText()).matches()
                || new BigDecimal(n.asText()).signum() <= 0) {
            errors.put(AMOUNT, FieldError.invalid(AMOUNT));
        }
    }

    private static void checkSources(JsonNode body, boolean massTransit, Map<String, FieldError> errors) {
        List<String> present = new ArrayList<>();
        for (String field : SOURCES) {
            JsonNode n = body.at(pointer(field));
            if (n.isMissingNode() || n.isNull()) {
                continue;
            }
            if (!n.isTextual() || n.asText().isBlank()) {
                errors.put(field, FieldError.invalid(field));
            } else {
                present.add(field);
            }
        }
        if (present.isEmpty() && errors.keySet().stream().noneMatch(SOURCES::contains)) {
            String field = massTransit ? INSTRUMENT_IDENTIFIER_ID : CARD_NUMBER;
            errors.put(field, FieldError.missing(field));
        } else if (present.size() > 1) {
            present.forEach(f -> errors.put(f, FieldError.invalid(f)));
        }
        boolean card = present.contains(CARD_NUMBER);
        if (card && !Pans.isPlausiblePan(body.at(pointer(CARD_NUMBER)).asText())) {
            errors.put(CARD_NUMBER, FieldError.invalid(CARD_NUMBER));
        }
        checkString(body, CARD_MONTH, card, MONTH, errors);
        checkString(body, CARD_YEAR, card, YEAR, errors);
        checkString(body, CARD_TYPE, false, TYPE, errors);
    }

    private static void checkString(JsonNode body, String field, boolean required, Pattern pattern,
                                    Map<String, FieldError> errors) {
        JsonNode n = body.at(pointer(field));
        if (n.isMissingNode() || n.isNull() || (n.isTextual() && n.asText().isBlank())) {
            if (required) {
                errors.put(field, FieldError.missing(field));
            }
        } else if (!n.isTextual() || !pattern.matcher(n.asText()).matches()) {
            errors.put(field, FieldError.invalid(field));
        }
    }

    private static void checkOptionalLength(JsonNode body, String field, int max, Map<String, FieldError> errors) {
        JsonNode n = body.at(pointer(field));
        if (n.isMissingNode() || n.isNull()) {
            return;
        }
        if (!n.isTextual() || n.asText().length() > max) {
            errors.put(field, FieldError.invalid(field));
        }
    }

    private static boolean hasText(JsonNode body, String field) {
        JsonNode n = body.at(pointer(field));
        return n.isTextual() && !n.asText().isBlank();
    }
}
