package org.standalonecredit.api;

/**
 * A typed extension point for provider-specific request fields. A provider publishes its own
 * extension types (e.g. a Cybersource commerce indicator); the request carries at most one
 * instance per type and the provider reads it with {@link CreditRequest#extension(Class)}.
 * A provider that does not know an extension ignores it.
 */
public interface CreditExtension {

    /** Adds this extension's field errors; {@code field} is "extensions.&lt;SimpleName&gt;". */
    default void validate(String field, Validation v) {
    }
}
