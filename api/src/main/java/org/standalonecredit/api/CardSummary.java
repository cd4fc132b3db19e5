package org.standalonecredit.api;

/** What a gateway tells back about the card: brand (neutral and as the gateway coded it) and last four digits. */
public record CardSummary(CardBrand brand, String gatewayBrandCode, String lastFour) {
    public CardSummary {
        if (lastFour != null && lastFour.length() > 4) {
            lastFour = lastFour.substring(lastFour.length() - 4);
        }
    }
}
