package org.standalonecredit.visaacceptance;

/** {@code visa-acceptance[jwt+mle]}: the {@link VisaAcceptanceSubject} in mode {@code JWT_MLE}. */
public final class VisaAcceptanceJwtMleSubject extends VisaAcceptanceSubject {

    public VisaAcceptanceJwtMleSubject() {
        super(Mode.JWT_MLE);
    }
}
