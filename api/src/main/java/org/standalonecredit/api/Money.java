package org.standalonecredit.api;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Objects;

/**
 * A positive amount in an ISO 4217 currency, held at exactly the currency's minor units
 * (JPY 0, USD 2, KWD 3). Gateways take at most {@value #MAX_DIGITS} digits including decimals.
 */
public final class Money {
    public static final int MAX_DIGITS = 12;
    /** A longer amount string is refused before it is parsed; no currency needs more to write a valid amount. */
    public static final int MAX_TEXT_LENGTH = 64;
    /** More significant digits than this means decimals (or trailing zeros) no currency has. */
    private static final int MAX_PRECISION = 64;

    private final BigDecimal amount;
    private final Currency currency;

    private Money(BigDecimal amount, Currency currency) {
        this.amount = amount;
        this.currency = currency;
    }

    /** Parses a plain decimal string ("10.00", "1500") in the given currency code; throws on any rule broken. */
    public static Money of(String amount, String currencyCode) {
        Validation v = new Validation();
        Money money = parse(amount, currencyCode, "amount", v);
        v.throwIfInvalid();
        return money;
    }

    public static Money of(BigDecimal amount, Currency currency) {
        return of(amount, currency == null ? null : currency.getCurrencyCode());
    }

    public static Money of(BigDecimal amount, String currencyCode) {
        Validation v = new Validation();
        Money money = check(amount, currencyCode, "amount", v);
        v.throwIfInvalid();
        return money;
    }

    /** Validates into {@code v} under {@code field}; returns null when invalid. */
    static Money parse(String amount, String currencyCode, String field, Validation v) {
        if (amount == null || amount.isBlank()) {
            v.reject(field + ".value", "is required");
            checkCurrency(currencyCode, field, v);
            return null;
        }
        if (amount.length() > MAX_TEXT_LENGTH) {
            v.reject(field + ".value", "must be at most " + MAX_TEXT_LENGTH + " characters");
            checkCurrency(currencyCode, field, v);
            return null;
        }
        if (!isPlainDecimal(amount)) {
            v.reject(field + ".value", "must be a plain positive decimal such as 10.00");
            checkCurrency(currencyCode, field, v);
            return null;
        }
        return check(new BigDecimal(amount), currencyCode, field, v);
    }

    /** ASCII digits, optionally a point and more digits ({@code \d+(\.\d+)?}, checked without a regex per credit). */
    static boolean isPlainDecimal(String text) {
        int n = text.length();
        int i = digits(text, 0);
        if (i == 0) {
            return false;
        }
        if (i == n) {
            return true;
        }
        return text.charAt(i) == '.' && i + 1 < n && digits(text, i + 1) == n;
    }

    private static int digits(String text, int from) {
        int i = from;
        while (i < text.length() && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
            i++;
        }
        return i;
    }

    /** Three upper-case ASCII letters ({@code [A-Z]{3}}). */
    static boolean isIsoCodeShape(String code) {
        if (code.length() != 3) {
            return false;
        }
        for (int i = 0; i < 3; i++) {
            char c = code.charAt(i);
            if (c < 'A' || c > 'Z') {
                return false;
            }
        }
        return true;
    }

    static Money check(BigDecimal amount, String currencyCode, String field, Validation v) {
        Currency currency = checkCurrency(currencyCode, field, v);
        if (amount == null) {
            v.reject(field + ".value", "is required");
            return null;
        }
        if (amount.signum() <= 0) {
            v.reject(field + ".value", "must be greater than zero");
            return null;
        }
        if (currency == null) {
            return null;
        }
        int minor = currency.getDefaultFractionDigits();
        // Sizes are checked on precision and scale alone: setScale or stripTrailingZeros on a value such
        // as 1E+999999999 or a million trailing zeros would take seconds or throw ArithmeticException.
        long integerDigits = (long) amount.precision() - amount.scale();
        if (integerDigits + minor > MAX_DIGITS) {
            v.reject(field + ".value", "must have at most " + MAX_DIGITS + " digits including decimals");
            return null;
        }
        if (amount.precision() > MAX_PRECISION
                || amount.scale() > minor && amount.stripTrailingZeros().scale() > minor) {
            v.reject(field + ".value", "has more decimals than " + currency.getCurrencyCode() + " allows (" + minor + ")");
            return null;
        }
        return new Money(amount.setScale(minor), currency);
    }

    private static Currency checkCurrency(String code, String field, Validation v) {
        if (code == null || code.isBlank()) {
            v.reject(field + ".currency", "is required");
            return null;
        }
        if (!isIsoCodeShape(code)) {
            v.reject(field + ".currency", "must be an upper-case ISO 4217 code such as USD");
            return null;
        }
        Currency currency;
        try {
            currency = Currency.getInstance(code);
        } catch (IllegalArgumentException e) {
            v.reject(field + ".currency", "is not an ISO 4217 currency");
            return null;
        }
        if (currency.getDefaultFractionDigits() < 0) {
            v.reject(field + ".currency", "has no minor unit and cannot be credited");
            return null;
        }
        return currency;
    }

    /** The amount at exactly the currency's minor units. */
    public BigDecimal amount() {
        return amount;
    }

    public Currency currency() {
        return currency;
    }

    public String currencyCode() {
        return currency.getCurrencyCode();
    }

    public int minorUnits() {
        return currency.getDefaultFractionDigits();
    }

    /** The amount as the gateways write it: plain, at the minor units ("10.00", "1500", "1.500"). */
    public String toPlainString() {
        return amount.toPlainString();
    }

    /** True when {@code echoed} denotes the same amount in the same currency (case-insensitive code). */
    public boolean matches(BigDecimal echoed, String echoedCurrency) {
        return echoed != null && echoedCurrency != null
                && echoed.compareTo(amount) == 0
                && echoedCurrency.equalsIgnoreCase(currency.getCurrencyCode());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Money m && m.amount.equals(amount) && m.currency.equals(currency);
    }

    @Override
    public int hashCode() {
        return Objects.hash(amount, currency);
    }

    @Override
    public String toString() {
        return amount.toPlainString() + " " + currency.getCurrencyCode();
    }
}
