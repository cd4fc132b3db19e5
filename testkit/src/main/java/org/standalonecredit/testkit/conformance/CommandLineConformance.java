package org.standalonecredit.testkit.conformance;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/**
 * The suite bound to the subject class named by the system property {@value #SUBJECT_PROPERTY};
 * {@link ConformanceMain} runs it. Not meant to be picked up by a build's own test scan.
 */
public class CommandLineConformance {
    public static final String SUBJECT_PROPERTY = "standalonecredit.conformance.subject";

    @TestFactory
    Stream<DynamicNode> conformance() {
        String className = System.getProperty(SUBJECT_PROPERTY);
        if (className == null) {
            throw new IllegalStateException("set -D" + SUBJECT_PROPERTY + "=<your ConformanceSubject class>");
        }
        return ConformanceSuite.of(subject(className)).tests();
    }

    /** The subject named on the command line, or an exception whose message says what to fix. */
    static ConformanceSubject subject(String className) {
        Class<?> type;
        try {
            type = Class.forName(className, true, Thread.currentThread().getContextClassLoader());
        } catch (ClassNotFoundException | NoClassDefFoundError e) {
            throw new IllegalArgumentException("class not found: " + className + " — is its jar on the class path?", e);
        }
        if (!ConformanceSubject.class.isAssignableFrom(type)) {
            throw new IllegalArgumentException(className + " does not implement " + ConformanceSubject.class.getName());
        }
        try {
            return (ConformanceSubject) type.getDeclaredConstructor().newInstance();
        } catch (NoSuchMethodException | IllegalAccessException e) {
            throw new IllegalArgumentException(className + " needs a public no-argument constructor (and, if nested, to be public static)", e);
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException("cannot create " + className + ": " + e.getCause(), e);
        }
    }
}
