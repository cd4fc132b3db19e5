package org.standalonecredit.commercehub;

import java.util.Locale;
import java.util.Map;
import org.standalonecredit.api.CardBrand;

/** Commerce Hub's {@code source.card.scheme} words as neutral brands; unknown words map to none. */
final class SchemeNames {
    private static final Map<String, CardBrand> BRANDS = Map.ofEntries(
            Map.entry("VISA", CardBrand.VISA),
            Map.entry("MASTERCARD", CardBrand.MASTERCARD),
            Map.entry("MASTER", CardBrand.MASTERCARD),
            Map.entry("AMEX", CardBrand.AMERICAN_EXPRESS),
            Map.entry("AMERICAN_EXPRESS", CardBrand.AMERICAN_EXPRESS),
            Map.entry("AMERICANEXPRESS", CardBrand.AMERICAN_EXPRESS),
            Map.entry("DISCOVER", CardBrand.DISCOVER),
            Map.entry("DINERS", CardBrand.DINERS_CLUB),
            Map.entry("DINERS_CLUB", CardBrand.DINERS_CLUB),
            Map.entry("DINERSCLUB", CardBrand.DINERS_CLUB),
            Map.entry("JCB", CardBrand.JCB),
            Map.entry("MAESTRO", CardBrand.MAESTRO),
            Map.entry("UNIONPAY", CardBrand.UNION_PAY),
            Map.entry("UNION_PAY", CardBrand.UNION_PAY),
            Map.entry("CUP", CardBrand.UNION_PAY),
            Map.entry("RUPAY", CardBrand.RUPAY),
            Map.entry("ELO", CardBrand.ELO));

    private SchemeNames() {
    }

    static CardBrand brand(String scheme) {
        return scheme == null ? null : BRANDS.get(scheme.trim().toUpperCase(Locale.ROOT).replace(' ', '_'));
    }
}
