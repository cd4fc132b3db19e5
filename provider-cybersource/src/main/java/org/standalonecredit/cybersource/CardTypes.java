package org.standalonecredit.cybersource;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.standalonecredit.api.CardBrand;

/** Neutral card brands to Cybersource {@code card.type} codes and back ([PROTOCOL-SOURCES: Cybersource: credit request]). */
public final class CardTypes {
    private static final Map<CardBrand, String> CODES = new EnumMap<>(CardBrand.class);
    private static final Map<String, CardBrand> BRANDS = new HashMap<>();

    static {
        code(CardBrand.VISA, "001");
        code(CardBrand.MASTERCARD, "002");
        code(CardBrand.AMERICAN_EXPRESS, "003");
        code(CardBrand.DISCOVER, "004");
        code(CardBrand.DINERS_CLUB, "005");
        code(CardBrand.CARTE_BLANCHE, "006");
        code(CardBrand.JCB, "007");
        code(CardBrand.CARTES_BANCAIRES, "036");
        code(CardBrand.MAESTRO, "042");
        code(CardBrand.HIPERCARD, "050");
        code(CardBrand.ELO, "054");
        code(CardBrand.RUPAY, "061");
        code(CardBrand.UNION_PAY, "062");
        // codes that only come back in answers
        BRANDS.put("024", CardBrand.MAESTRO);   // Maestro (UK Domestic)
        BRANDS.put("033", CardBrand.VISA);      // Visa Electron (SIX)
    }

    private CardTypes() {
    }

    private static void code(CardBrand brand, String code) {
        CODES.put(brand, code);
        BRANDS.put(code, brand);
    }

    /** The code to send for a brand; empty for a brand Cybersource has no code for (e.g. Jaywan). */
    public static Optional<String> codeOf(CardBrand brand) {
        return Optional.ofNullable(CODES.get(brand));
    }

    /** The brand a code stands for; empty for codes with no neutral brand (EnRoute, UATP, ...). */
    public static Optional<CardBrand> brandOf(String code) {
        return Optional.ofNullable(code == null ? null : BRANDS.get(code));
    }
}
