package org.standalonecredit.simulator;

/**
 * Outcome of verifying a request's authentication. The reason is for diagnostics only and never contains
 * secrets or signature values.
 *
 * @param accepted whether the request is authentic
 * @param reason   why it was rejected, or {@code "ok"}
 */
public record AuthResult(boolean accepted, String reason) {
    private static final AuthResult OK = new AuthResult(true, "ok");

    /** The request is authentic. */
    public static AuthResult ok() {
        return OK;
    }

    /** The request is rejected for {@code reason}. */
    public static AuthResult rejected(String reason) {
        return new AuthResult(false, reason);
    }
}
