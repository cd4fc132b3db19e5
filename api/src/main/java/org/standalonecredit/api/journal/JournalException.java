package org.standalonecredit.api.journal;

/**
 * A journal could not read or write a record. Its message names the journal and the operation, never a secret
 * (a database password, a connection URL's credentials).
 */
public class JournalException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public JournalException(String message) {
        super(message);
    }

    public JournalException(String message, Throwable cause) {
        super(message, cause);
    }
}
