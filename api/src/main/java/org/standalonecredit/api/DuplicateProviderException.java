package org.standalonecredit.api;

/** Two providers on the class path claim one id; the library refuses to guess which one to use. */
public final class DuplicateProviderException extends CreditException {
    private static final long serialVersionUID = 1L;

    public DuplicateProviderException(String id, String first, String second) {
        super("Two credit providers claim id '" + id + "': " + first + " and " + second + "; remove one from the class path");
    }
}
