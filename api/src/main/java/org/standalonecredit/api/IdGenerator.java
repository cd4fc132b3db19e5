package org.standalonecredit.api;

import java.util.UUID;

/** Makes identifiers (idempotency keys, client request ids). Injected so tests are deterministic. */
@FunctionalInterface
public interface IdGenerator {
    String newId();

    static IdGenerator randomUuids() {
        return () -> UUID.randomUUID().toString();
    }
}
