package org.standalonecredit.spring.boot;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.Map;
import org.standalonecredit.api.config.Secret;

/** Every key the typed properties can pass to the library, found by setting each one. */
final class StandaloneCreditPropertiesKeys {
    private StandaloneCreditPropertiesKeys() {
    }

    static Map<String, Object> allKeys() {
        return ((StandaloneCreditProperties.Gateway) filled(StandaloneCreditProperties.Gateway.class)).libraryKeys();
    }

    /** A section with every String and Secret component set, nested sections filled the same way. */
    private static Object filled(Class<?> type) {
        RecordComponent[] components = type.getRecordComponents();
        Object[] values = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            values[i] = types[i] == String.class ? "x" : types[i] == Secret.class ? Secret.of("x") : filled(types[i]);
        }
        try {
            Constructor<?> constructor = type.getDeclaredConstructor(types);
            return constructor.newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }
}
