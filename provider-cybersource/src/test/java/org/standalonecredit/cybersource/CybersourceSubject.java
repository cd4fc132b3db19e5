package org.standalonecredit.cybersource;

import org.standalonecredit.api.CreditRequest;
import org.standalonecredit.cybersource.conformance.CybersourceFamilySubject;
import org.standalonecredit.api.PaymentSource;
import org.standalonecredit.simulator.cybersource.CybersourceSimulator;

/**
 * The cybersource provider as the conformance suite, the fault matrix and the soak drive it: with JWT, and as the
 * subclasses for the other modes of authentication ({@link CybersourceFamilySubject.Mode}), each registered for
 * ServiceLoader in its test jar.
 */
public class CybersourceSubject extends CybersourceFamilySubject {

    public CybersourceSubject() {
        this(Mode.JWT);
    }

    CybersourceSubject(Mode mode) {
        super("cybersource", mode);
    }

    @Override
    protected CybersourceSimulator.Builder simulator() {
        return CybersourceSimulator.builder();
    }

    @Override
    public CreditRequest.Builder validRequest(String amount, String currency) {
        return CreditRequest.builder().amount(amount, currency).source(PaymentSource.customerToken("F45FB3E443AC3C57E053A2598D0A9CFF"));
    }
}
