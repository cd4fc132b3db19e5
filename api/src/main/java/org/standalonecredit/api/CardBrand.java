package org.standalonecredit.api;

import java.util.Optional;

/** Card brands, neutral; each provider maps them to its own codes (Cybersource "001" for Visa, ...). */
public enum CardBrand {
    VISA, MASTERCARD, AMERICAN_EXPRESS, DISCOVER, DINERS_CLUB, CARTE_BLANCHE, JCB, MAESTRO,
    CARTES_BANCAIRES, UNION_PAY, RUPAY, ELO, HIPERCARD, JAYWAN;

    /**
     * Best-effort brand from a card number's leading digits, for when the caller gave none.
     * Co-badged ranges (Cartes Bancaires, Elo) are not detected: pass the brand explicitly.
     */
    public static Optional<CardBrand> detect(String pan) {
        if (pan == null || pan.length() < 6 || !pan.chars().allMatch(Character::isDigit)) {
            return Optional.empty();
        }
        int two = Integer.parseInt(pan.substring(0, 2));
        int four = Integer.parseInt(pan.substring(0, 4));
        int six = Integer.parseInt(pan.substring(0, 6));
        if (pan.charAt(0) == '4') return Optional.of(VISA);
        if ((two >= 51 && two <= 55) || (six >= 222100 && six <= 272099)) return Optional.of(MASTERCARD);
        if (two == 34 || two == 37) return Optional.of(AMERICAN_EXPRESS);
        if (four == 6011 || two == 65 || (six >= 644000 && six <= 649999)) return Optional.of(DISCOVER);
        if (four >= 3528 && four <= 3589) return Optional.of(JCB);
        if (two == 36 || two == 38 || two == 39 || (four >= 3000 && four <= 3059)) return Optional.of(DINERS_CLUB);
        if (two == 62) return Optional.of(UNION_PAY);
        if (two == 50 || (two >= 56 && two <= 69)) return Optional.of(MAESTRO);
        return Optional.empty();
    }
}
