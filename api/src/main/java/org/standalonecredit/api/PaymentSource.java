package org.standalonecredit.api;

import java.util.Optional;
import java.util.regex.Pattern;
import org.standalonecredit.api.privacy.CardNumbers;

/**
 * Where the credit goes: a closed set. Each kind validates itself into the request's
 * {@link Validation} so that every error is reported at once. {@code toString()} never shows a
 * full card number or a security code.
 */
public sealed interface PaymentSource {
    SourceKind kind();

    /** Adds this source's errors under {@code field} (e.g. "source"). */
    void validate(String field, Validation v);

    /** A description safe for logs and confirmation prompts. */
    String masked();

    static CustomerToken customerToken(String id) {
        return new CustomerToken(id);
    }

    static PaymentInstrumentToken paymentInstrument(String id) {
        return new PaymentInstrumentToken(id);
    }

    static InstrumentIdentifierToken instrumentIdentifier(String id, CardExpiry expiry, CardBrand brand) {
        return new InstrumentIdentifierToken(id, expiry, brand);
    }

    static Card card(String number, CardExpiry expiry) {
        return new Card(number, expiry, null, null);
    }

    static Card card(String number, CardExpiry expiry, String securityCode, CardBrand brand) {
        return new Card(number, expiry, securityCode, brand);
    }

    static GatewayToken gatewayToken(String tokenData, String tokenSource, CardExpiry expiry) {
        return new GatewayToken(tokenData, tokenSource, expiry);
    }

    private static void token(String field, String value, Validation v) {
        if (v.require(field, value)) {
            v.maxLength(field, value, 64);
            if (!IdentifierChars.lettersDigitsAnd(value, IdentifierChars.TOKEN_EXTRA)) {
                v.reject(field, "must contain only letters, digits, '-' and '_'");
            }
        }
    }

    private static String shorten(String id) {
        return id == null || id.length() <= 8 ? String.valueOf(id) : id.substring(0, 4) + "…" + id.substring(id.length() - 4);
    }

    /** A customer token (Cybersource TMS customer id). */
    record CustomerToken(String id) implements PaymentSource {
        public SourceKind kind() {
            return SourceKind.CUSTOMER_TOKEN;
        }

        public void validate(String field, Validation v) {
            token(field + ".id", id, v);
        }

        public String masked() {
            return "customer token " + shorten(id);
        }
    }

    /** A payment-instrument token. */
    record PaymentInstrumentToken(String id) implements PaymentSource {
        public SourceKind kind() {
            return SourceKind.PAYMENT_INSTRUMENT_TOKEN;
        }

        public void validate(String field, Validation v) {
            token(field + ".id", id, v);
        }

        public String masked() {
            return "payment instrument " + shorten(id);
        }
    }

    /** An instrument-identifier token with the card's expiry and brand (required for mass-transit credits). */
    record InstrumentIdentifierToken(String id, CardExpiry expiry, CardBrand brand) implements PaymentSource {
        public SourceKind kind() {
            return SourceKind.INSTRUMENT_IDENTIFIER_TOKEN;
        }

        public void validate(String field, Validation v) {
            token(field + ".id", id, v);
            if (expiry == null) {
                v.reject(field + ".expiry", "is required");
            } else {
                expiry.validate(field + ".expiry", v);
            }
            if (brand == null) {
                v.reject(field + ".brand", "is required");
            }
        }

        public String masked() {
            return "instrument identifier " + shorten(id);
        }
    }

    /** A plain card. The number passes the Luhn check; the security code is optional. */
    final class Card implements PaymentSource {
        private static final Pattern SECURITY_CODE = Pattern.compile("\\d{3,4}");
        private final String number;
        private final CardExpiry expiry;
        private final String securityCode;
        private final CardBrand brand;

        Card(String number, CardExpiry expiry, String securityCode, CardBrand brand) {
            this.number = number;
            this.expiry = expiry;
            this.securityCode = securityCode;
            this.brand = brand;
        }

        public String number() {
            return number;
        }

        public CardExpiry expiry() {
            return expiry;
        }

        public Optional<String> securityCode() {
            return Optional.ofNullable(securityCode);
        }

        /** The brand given, else the one the number's leading digits indicate. */
        public Optional<CardBrand> brand() {
            return brand != null ? Optional.of(brand) : CardBrand.detect(number);
        }

        public String lastFour() {
            return CardNumbers.lastFour(number);
        }

        public SourceKind kind() {
            return SourceKind.CARD;
        }

        public void validate(String field, Validation v) {
            if (v.require(field + ".number", number)) {
                if (!number.chars().allMatch(c -> c >= '0' && c <= '9') || number.length() < 12 || number.length() > 19) {
                    v.reject(field + ".number", "must be 12 to 19 digits");
                } else if (!CardNumbers.isLuhnValid(number)) {
                    v.reject(field + ".number", "fails the Luhn check");
                }
            }
            if (expiry == null) {
                v.reject(field + ".expiry", "is required");
            } else {
                expiry.validate(field + ".expiry", v);
            }
            if (securityCode != null && !SECURITY_CODE.matcher(securityCode).matches()) {
                v.reject(field + ".securityCode", "must be 3 or 4 digits");
            }
        }

        public String masked() {
            return "card " + CardNumbers.lastFourOnly(number);
        }

        @Override
        public String toString() {
            return "Card[" + CardNumbers.lastFourOnly(number) + ", expiry=" + expiry
                    + (securityCode != null ? ", securityCode=***" : "") + (brand != null ? ", brand=" + brand : "") + "]";
        }
    }

    /** A gateway's own token (e.g. a TransArmor token), its source and the card's expiry. */
    final class GatewayToken implements PaymentSource {
        private final String tokenData;
        private final String tokenSource;
        private final CardExpiry expiry;

        GatewayToken(String tokenData, String tokenSource, CardExpiry expiry) {
            this.tokenData = tokenData;
            this.tokenSource = tokenSource;
            this.expiry = expiry;
        }

        public String tokenData() {
            return tokenData;
        }

        public String tokenSource() {
            return tokenSource;
        }

        public Optional<CardExpiry> expiry() {
            return Optional.ofNullable(expiry);
        }

        public SourceKind kind() {
            return SourceKind.GATEWAY_TOKEN;
        }

        public void validate(String field, Validation v) {
            if (v.require(field + ".tokenData", tokenData)) {
                v.maxLength(field + ".tokenData", tokenData, 2048);
                v.plainText(field + ".tokenData", tokenData);
            }
            if (v.require(field + ".tokenSource", tokenSource)) {
                v.maxLength(field + ".tokenSource", tokenSource, 32);
                v.plainText(field + ".tokenSource", tokenSource);
            }
            if (expiry != null) {
                expiry.validate(field + ".expiry", v);
            }
        }

        public String masked() {
            return tokenSource + " token " + CardNumbers.lastFourOnly(tokenData);
        }

        @Override
        public String toString() {
            return "GatewayToken[" + masked() + "]";
        }
    }
}
