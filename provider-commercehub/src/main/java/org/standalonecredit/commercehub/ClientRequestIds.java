package org.standalonecredit.commercehub;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The Commerce Hub {@code Client-Request-Id} of a credit, derived from its idempotency key so that
 * every retry and every re-submission of the same key carries the same id, which Commerce Hub
 * deduplicates. A key that is a UUID is used as it is (lower-cased); any other key becomes a
 * name-based UUID of it.
 */
final class ClientRequestIds {
    private static final Pattern UUID_TEXT = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    /** Keeps the name-based ids of this library apart from any other use of the same key text. */
    private static final String NAMESPACE = "standalonecredit/commerce-hub/";

    private ClientRequestIds() {
    }

    static String forIdempotencyKey(String idempotencyKey) {
        if (UUID_TEXT.matcher(idempotencyKey).matches()) {
            return idempotencyKey.toLowerCase(Locale.ROOT);
        }
        return UUID.nameUUIDFromBytes((NAMESPACE + idempotencyKey).getBytes(StandardCharsets.UTF_8)).toString();
    }
}
