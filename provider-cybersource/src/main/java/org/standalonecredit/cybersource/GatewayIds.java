package org.standalonecredit.cybersource;

import java.util.List;
import java.util.regex.Pattern;
import org.standalonecredit.api.FieldError;
import org.standalonecredit.api.InvalidRequestException;

/** Gateway ids go into URL paths: only letters, digits, '-' and '_' are let through. */
final class GatewayIds {
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_\\-]{1,64}");

    private GatewayIds() {
    }

    static String checked(String field, String id) {
        if (!SAFE.matcher(id).matches()) {
            throw new InvalidRequestException(List.of(new FieldError(field, "must be 1 to 64 letters, digits, '-' or '_'")));
        }
        return id;
    }
}
