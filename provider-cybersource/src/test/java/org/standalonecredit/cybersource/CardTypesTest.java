package org.standalonecredit.cybersource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.standalonecredit.api.CardBrand;

class CardTypesTest {
    private static final Map<CardBrand, String> DOCUMENTED = Map.ofEntries(
            Map.entry(CardBrand.VISA, "001"), Map.entry(CardBrand.MASTERCARD, "002"), Map.entry(CardBrand.AMERICAN_EXPRESS, "003"),
            Map.entry(CardBrand.DISCOVER, "004"), Map.entry(CardBrand.DINERS_CLUB, "005"), Map.entry(CardBrand.CARTE_BLANCHE, "006"),
            Map.entry(CardBrand.JCB, "007"), Map.entry(CardBrand.CARTES_BANCAIRES, "036"), Map.entry(CardBrand.MAESTRO, "042"),
            Map.entry(CardBrand.HIPERCARD, "050"), Map.entry(CardBrand.ELO, "054"), Map.entry(CardBrand.RUPAY, "061"),
            Map.entry(CardBrand.UNION_PAY, "062"));

    @Test
    void everyBrandWithACybersourceCodeMapsBothWays() {
        DOCUMENTED.forEach((brand, code) -> {
            assertEquals(Optional.of(code), CardTypes.codeOf(brand), brand.name());
            assertEquals(Optional.of(brand), CardTypes.brandOf(code), code);
        });
    }

    @Test
    void jaywanHasNoCybersourceCode() {
        assertTrue(CardTypes.codeOf(CardBrand.JAYWAN).isEmpty());
    }

    @Test
    void answerOnlyCodesMapToTheirFamily() {
        assertEquals(Optional.of(CardBrand.MAESTRO), CardTypes.brandOf("024"));
        assertEquals(Optional.of(CardBrand.VISA), CardTypes.brandOf("033"));
    }

    @Test
    void unknownCodesHaveNoBrand() {
        assertTrue(CardTypes.brandOf("040").isEmpty());
        assertTrue(CardTypes.brandOf(null).isEmpty());
    }
}
