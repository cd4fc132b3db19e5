package org.standalonecredit.simulator;

/**
 * Card brands with their Cybersource {@code card.type} code and Commerce Hub {@code scheme} name.
 */
public enum CardScheme {
    /** Visa: Cybersource 001. */
    VISA("001", "VISA"),
    /** Mastercard: Cybersource 002. */
    MASTERCARD("002", "MASTERCARD"),
    /** American Express: Cybersource 003. */
    AMEX("003", "AMEX"),
    /** Discover: Cybersource 004. */
    DISCOVER("004", "DISCOVER"),
    /** Diners Club: Cybersource 005. */
    DINERS("005", "DINERS"),
    /** JCB: Cybersource 007. */
    JCB("007", "JCB"),
    /** Maestro (international): Cybersource 042. */
    MAESTRO("042", "MAESTRO"),
    /** China UnionPay: Cybersource 062. */
    UNIONPAY("062", "UNIONPAY"),
    /** Not recognised. */
    UNKNOWN(null, "UNKNOWN");

    private final String cybersourceType;
    private final String scheme;

    CardScheme(String cybersourceType, String scheme) {
        this.cybersourceType = cybersourceType;
        this.scheme = scheme;
    }

    /** Cybersource three-digit {@code card.type} code, or {@code null} for {@link #UNKNOWN}. */
    public String cybersourceType() {
        return cybersourceType;
    }

    /** Commerce Hub {@code source.card.scheme} value. */
    public String scheme() {
        return scheme;
    }

    /** Brand from the leading digits of a card number (IIN ranges); {@link #UNKNOWN} if not recognised. */
    public static CardScheme detect(String pan) {
        if (pan == null || pan.length() < 6 || !pan.chars().allMatch(Character::isDigit)) {
            return UNKNOWN;
        }
        int two = Integer.parseInt(pan.substring(0, 2));
        int three = Integer.parseInt(pan.substring(0, 3));
        int four = Integer.parseInt(pan.substring(0, 4));
        int six = Integer.parseInt(pan.substring(0, 6));
        if (pan.charAt(0) == '4') {
            return VISA;
        }
        if ((two >= 51 && two <= 55) || (six >= 222100 && six <= 272099)) {
            return MASTERCARD;
        }
        if (two == 34 || two == 37) {
            return AMEX;
        }
        if (four == 6011 || two == 65 || (three >= 644 && three <= 649) || (six >= 622126 && six <= 622925)) {
            return DISCOVER;
        }
        if (two == 62) {
            return UNIONPAY;
        }
        if (four >= 3528 && four <= 3589) {
            return JCB;
        }
        if (two == 36 || two == 38 || (three >= 300 && three <= 305)) {
            return DINERS;
        }
        if (two == 50 || (two >= 56 && two <= 69)) {
            return MAESTRO;
        }
        return UNKNOWN;
    }

    /** Brand for a Cybersource {@code card.type} code; {@link #UNKNOWN} if not listed here. */
    public static CardScheme fromCybersourceType(String code) {
        for (CardScheme b : values()) {
            if (b.cybersourceType != null && b.cybersourceType.equals(code)) {
                return b;
            }
        }
        return UNKNOWN;
    }
}
