package org.standalonecredit.visaacceptance;

import java.util.concurrent.atomic.AtomicLong;
import org.standalonecredit.api.CardBrand;
import org.standalonecredit.api.CardExpiry;
import org.standalonecredit.api.CreditRequest;
import org.standalonecredit.api.PartnerIds;
import org.standalonecredit.api.PaymentSource;
import org.standalonecredit.cybersource.conformance.CybersourceFamilySubject;
import org.standalonecredit.simulator.cybersource.CybersourceSimulator;

/**
 * The visaacceptance provider as the conformance suite, the fault matrix and the soak drive it: with JWT, and as the
 * subclasses for the other modes of authentication ({@link CybersourceFamilySubject.Mode}), each registered for
 * ServiceLoader in its test jar.
 */
public class VisaAcceptanceSubject extends CybersourceFamilySubject {
    private final AtomicLong transactionIds = new AtomicLong();

    public VisaAcceptanceSubject() {
        this(Mode.JWT);
    }

    VisaAcceptanceSubject(Mode mode) {
        super("visa-acceptance", mode);
    }

    @Override
    protected CybersourceSimulator.Builder simulator() {
        return CybersourceSimulator.builder().visaAcceptanceMassTransit();
    }

    @Override
    public CreditRequest.Builder validRequest(String amount, String currency) {
        return CreditRequest.builder().amount(amount, currency)
                .transactionId("MT" + transactionIds.incrementAndGet())
                .partner(PartnerIds.certification("123456789012"))
                .source(PaymentSource.instrumentIdentifier("DCED1B858116F177E053AF598E0AA10A", CardExpiry.of(3, 2031), CardBrand.VISA));
    }
}
