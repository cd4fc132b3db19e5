package org.standalonecredit.kit;

import java.util.Set;

/**
 * What an HTTP status alone says about a request that reached the gateway. Only the client errors below
 * say that the request was refused without being processed; any other 4xx (408 Request Timeout, 409
 * Conflict, 425, 499, ...) may follow processing, or be a proxy's, so a credit answered with one is UNKNOWN.
 */
public final class HttpStatuses {
    private static final Set<Integer> REFUSALS = Set.of(400, 401, 403, 404, 405, 406, 411, 413, 414, 415, 422, 429, 431);

    private HttpStatuses() {
    }

    /** Whether this status says the request was refused and not processed. */
    public static boolean isRefusal(int status) {
        return REFUSALS.contains(status);
    }
}
