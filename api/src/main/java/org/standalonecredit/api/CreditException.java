package org.standalonecredit.api;

/**
 * Base of the library's exceptions. Exceptions mean misuse (a bad request, bad configuration, an
 * unknown provider); a gateway's answer, even a refusal, is a {@link CreditResult}, never an exception.
 * Messages never carry card numbers, security codes or secrets.
 */
public abstract class CreditException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    protected CreditException(String message) {
        super(message);
    }
}
