package org.standalonecredit.cybersource;

/** {@code cybersource[jwt+mle]}: the {@link CybersourceSubject} in mode {@code JWT_MLE}. */
public final class CybersourceJwtMleSubject extends CybersourceSubject {

    public CybersourceJwtMleSubject() {
        super(Mode.JWT_MLE);
    }
}
