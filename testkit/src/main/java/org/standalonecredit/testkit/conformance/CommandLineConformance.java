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
    Stream<DynamicNode> conformance() throws ReflectiveOperationException {
        String className = System.getProperty(SUBJECT_PROPERTY);
        if (className == null) {
            throw new IllegalStateException("set -D" + SUBJECT_PROPERTY + "=<your ConformanceSubject class>");
        }
        ConformanceSubject subject = (ConformanceSubject) Class.forName(className, true, Thread.currentThread().getContextClassLoader())
                .getDeclaredConstructor().newInstance();
        return ConformanceSuite.of(subject).tests();
    }
}
