package org.standalonecredit.cybersource;

/** {@code cybersource[http-signature]}: the {@link CybersourceSubject} in mode {@code HTTP_SIGNATURE}. */
public final class CybersourceHttpSignatureSubject extends CybersourceSubject {

    public CybersourceHttpSignatureSubject() {
        super(Mode.HTTP_SIGNATURE);
    }
}
