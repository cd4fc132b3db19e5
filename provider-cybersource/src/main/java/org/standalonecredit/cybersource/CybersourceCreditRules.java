package org.standalonecredit.cybersource;

import org.standalonecredit.api.CardBrand;
import org.standalonecredit.api.CreditRequest;
import org.standalonecredit.api.PaymentSource;
import org.standalonecredit.api.Validation;

/** What Cybersource itself limits beyond the neutral request rules. */
final class CybersourceCreditRules implements CreditRule {
    static final CybersourceCreditRules INSTANCE = new CybersourceCreditRules();
    /** {@code clientReferenceInformation.transactionId} is at most 30 characters ([PROTOCOL-SOURCES: Cybersource: credit request]). */
    static final int MAX_TRANSACTION_ID_LENGTH = 30;

    private CybersourceCreditRules() {
    }

    @Override
    public void check(CreditRequest request, Validation v) {
        v.maxLength("transactionId", request.transactionId().orElse(null), MAX_TRANSACTION_ID_LENGTH);
        if (request.source() instanceof PaymentSource.InstrumentIdentifierToken token) {
            requireCode("source.brand", token.brand(), v);
        } else if (request.source() instanceof PaymentSource.Card card) {
            card.brand().ifPresent(brand -> requireCode("source.brand", brand, v));
        }
    }

    private static void requireCode(String field, CardBrand brand, Validation v) {
        if (brand != null && CardTypes.codeOf(brand).isEmpty()) {
            v.reject(field, "Cybersource has no card type code for " + brand);
        }
    }
}
