package org.standalonecredit.visaacceptance;

/** {@code visa-acceptance[http-signature]}: the {@link VisaAcceptanceSubject} in mode {@code HTTP_SIGNATURE}. */
public final class VisaAcceptanceHttpSignatureSubject extends VisaAcceptanceSubject {

    public VisaAcceptanceHttpSignatureSubject() {
        super(Mode.HTTP_SIGNATURE);
    }
}
