package org.standalonecredit.api;

/** Makes identifiers (idempotency keys, client request ids). Injected so tests are deterministic. */
@FunctionalInterface
public interface IdGenerator {
    String newId();

    /** Random (version 4) UUIDs in their lower-case text form, from cryptographically strong generators. */
    static IdGenerator randomUuids() {
        return RandomUuids::next;
    }
}
