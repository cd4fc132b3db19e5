package org.standalonecredit.cybersource;

import java.util.Optional;
import java.util.regex.Pattern;
import org.standalonecredit.api.CreditExtension;
import org.standalonecredit.api.Validation;

/**
 * Cybersource {@code processingInformation} fields for a credit. Add it to a request with
 * {@code CreditRequest.builder().extension(CybersourceCreditOptions.builder().commerceIndicator("internet").build())};
 * the Visa Acceptance provider reads it too. Every field is optional and sent only when set.
 */
public final class CybersourceCreditOptions implements CreditExtension {
    private static final Pattern WORD = Pattern.compile("[A-Za-z0-9_\\-]{1,20}");

    private final String commerceIndicator;
    private final String capture;
    private final String industryDataType;

    private CybersourceCreditOptions(Builder b) {
        commerceIndicator = b.commerceIndicator;
        capture = b.capture;
        industryDataType = b.industryDataType;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** {@code processingInformation.commerceIndicator}: "internet", "retail", ... (processor-dependent). */
    public Optional<String> commerceIndicator() {
        return Optional.ofNullable(commerceIndicator);
    }

    /** {@code processingInformation.capture} as the gateway documents it for credits: the string "true" or "false". */
    public Optional<String> capture() {
        return Optional.ofNullable(capture);
    }

    /** {@code processingInformation.industryDataType}, e.g. "transit". */
    public Optional<String> industryDataType() {
        return Optional.ofNullable(industryDataType);
    }

    @Override
    public void validate(String field, Validation v) {
        word(field + ".commerceIndicator", commerceIndicator, v);
        word(field + ".industryDataType", industryDataType, v);
    }

    private static void word(String field, String value, Validation v) {
        if (value != null && !WORD.matcher(value).matches()) {
            v.reject(field, "must be 1 to 20 letters, digits, '-' or '_'");
        }
    }

    @Override
    public String toString() {
        return "CybersourceCreditOptions[commerceIndicator=" + commerceIndicator + ", capture=" + capture
                + ", industryDataType=" + industryDataType + "]";
    }

    public static final class Builder {
        private String commerceIndicator;
        private String capture;
        private String industryDataType;

        private Builder() {
        }

        public Builder commerceIndicator(String v) {
            commerceIndicator = v;
            return this;
        }

        /** Sent as the string "true" or "false", as in the gateway's credit examples. */
        public Builder capture(boolean v) {
            capture = Boolean.toString(v);
            return this;
        }

        public Builder industryDataType(String v) {
            industryDataType = v;
            return this;
        }

        public CybersourceCreditOptions build() {
            return new CybersourceCreditOptions(this);
        }
    }
}
