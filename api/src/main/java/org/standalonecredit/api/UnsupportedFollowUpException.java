package org.standalonecredit.api;

/** The provider does not declare the follow-up or payment source asked for; nothing was sent. */
public final class UnsupportedFollowUpException extends CreditException {
    private static final long serialVersionUID = 1L;

    public UnsupportedFollowUpException(String providerId, Object what) {
        super("Provider '" + providerId + "' does not support " + what);
    }
}
