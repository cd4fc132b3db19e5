package org.standalonecredit.commercehub;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The Commerce Hub {@code Client-Request-Id} of a credit, derived from its idempotency key so that
 * every retry and every re-submission of the same key carries the same id, which Commerce Hub
 * deduplicates. A key that is a UUID in lower case (as the library generates them) is used as it is; any
 * other key becomes a name-based UUID of it. Keys are compared exactly, so an upper-case UUID is not folded
 * onto its lower-case twin: two keys differing in letter case are two credits and need two ids.
 */
final class ClientRequestIds {
    private static final Pattern UUID_TEXT = Pattern.compile(
            "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    /** Keeps the name-based ids of this library apart from any other use of the same key text. */
    private static final String NAMESPACE = "standalonecredit/commerce-hub/";

    private ClientRequestIds() {
    }

    static String forIdempotencyKey(String idempotencyKey) {
        if (UUID_TEXT.matcher(idempotencyKey).matches()) {
            return idempotencyKey;
        }
        return UUID.nameUUIDFromBytes((NAMESPACE + idempotencyKey).getBytes(StandardCharsets.UTF_8)).toString();
    }
}
