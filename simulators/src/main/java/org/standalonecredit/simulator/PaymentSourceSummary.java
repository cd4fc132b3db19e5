package org.standalonecredit.simulator;

import java.util.Objects;

/**
 * What a credit was paid to, without sensitive data: never a full card number, never a security code.
 *
 * @param type            kind of payment source
 * @param bin             first six digits of the card number, or {@code null}
 * @param last4           last four digits of the card number or token, or {@code null}
 * @param expirationMonth {@code MM}, or {@code null}
 * @param expirationYear  {@code YYYY}, or {@code null}
 * @param brand           card brand, or {@link CardScheme#UNKNOWN}
 * @param tokenId         the token identifier for token sources (not a card number), or {@code null}
 * @param encrypted       whether the card arrived encrypted (Commerce Hub {@code encryptionData})
 */
public record PaymentSourceSummary(SourceType type, String bin, String last4, String expirationMonth,
                                   String expirationYear, CardScheme brand, String tokenId, boolean encrypted) {

    /** Kinds of payment source the simulators understand. */
    public enum SourceType {
        /** A card number (plain or encrypted). */
        CARD,
        /** Cybersource {@code paymentInformation.customer.id}. */
        CUSTOMER_TOKEN,
        /** Cybersource {@code paymentInformation.paymentInstrument.id}. */
        PAYMENT_INSTRUMENT,
        /** Cybersource {@code paymentInformation.instrumentIdentifier.id}. */
        INSTRUMENT_IDENTIFIER,
        /** Commerce Hub {@code PaymentToken}. */
        PAYMENT_TOKEN,
        /** Any other source type the simulator accepted without looking inside. */
        OTHER
    }

    public PaymentSourceSummary {
        Objects.requireNonNull(type, "type");
        brand = brand == null ? CardScheme.UNKNOWN : brand;
    }

    /** Summary of a card; keeps only the first six and last four digits of {@code pan}. */
    public static PaymentSourceSummary card(String pan, String expirationMonth, String expirationYear, boolean encrypted) {
        return new PaymentSourceSummary(SourceType.CARD, Pans.bin(pan, 6), Pans.last4(pan),
                expirationMonth, expirationYear, CardScheme.detect(pan), null, encrypted);
    }

    /** Summary of a token source. */
    public static PaymentSourceSummary token(SourceType type, String tokenId, String expirationMonth,
                                             String expirationYear, CardScheme brand) {
        return new PaymentSourceSummary(type, null, tokenId == null ? null : Pans.last4(tokenId),
                expirationMonth, expirationYear, brand, tokenId, false);
    }

    @Override
    public String toString() {
        return type + (bin != null ? " " + bin + "…" + last4 : last4 != null ? " …" + last4 : "")
                + (brand != CardScheme.UNKNOWN ? " " + brand : "") + (encrypted ? " (encrypted)" : "");
    }
}
