package org.standalonecredit.visaacceptance;

import org.standalonecredit.api.CreditRequest;
import org.standalonecredit.api.PaymentSource;
import org.standalonecredit.api.Validation;
import org.standalonecredit.cybersource.CreditRule;

/**
 * The Visa Acceptance mass-transit stand-alone credit (seed 003): a transactionId, the partner's
 * third-party certification number, and an instrument identifier token with the card's expiry and brand
 * are all required. Every missing one is named, before anything is sent.
 */
public final class MassTransitRule implements CreditRule {
    public static final MassTransitRule INSTANCE = new MassTransitRule();
    private static final String WHY = " for a mass-transit credit";

    private MassTransitRule() {
    }

    @Override
    public void check(CreditRequest request, Validation v) {
        if (request.transactionId().isEmpty()) {
            v.reject("transactionId", "is required" + WHY);
        }
        if (request.partner().flatMap(p -> p.certificationNumber()).filter(s -> !s.isBlank()).isEmpty()) {
            v.reject("partner.thirdPartyCertificationNumber", "is required" + WHY);
        }
        // the token itself requires its expiry and brand, so the kind is all there is left to check
        if (!(request.source() instanceof PaymentSource.InstrumentIdentifierToken)) {
            v.reject("source", "must be an instrument identifier token with the card's expiry and brand" + WHY
                    + ", not a " + request.source().kind());
        }
    }

    @Override
    public String toString() {
        return "MassTransitRule";
    }
}
