package org.standalonecredit.testkit.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.standalonecredit.testkit.conformance.minihub.MiniHubSubject;

/** A provider author runs the suite from the command line and reads a report. */
class ConformanceMainTest {

    @AfterEach
    void clear() {
        System.clearProperty(CommandLineConformance.SUBJECT_PROPERTY);
    }

    @Test
    void theCommandLineRunnerPrintsOneLinePerCheckAndASummary() {
        System.setProperty(CommandLineConformance.SUBJECT_PROPERTY, MiniHubSubject.class.getName());
        StringWriter out = new StringWriter();
        boolean passed = ConformanceMain.run(new PrintWriter(out, true));
        String report = out.toString();
        assertTrue(passed, report);
        assertTrue(report.contains("ok    [discovery] is found by its id through ServiceLoader"), report);
        assertTrue(report.contains("ok    [wire] amounts at minor units: USD"), report);
        assertTrue(report.contains("ok    [follow-ups] refuses an undeclared void before any HTTP call"), report);
        assertTrue(report.lines().anyMatch(l -> l.matches("\\d+ passed, 0 failed, 0 skipped")), report);
    }

    @Test
    void aSubjectClassNotOnTheClassPathIsNamedPlainly() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CommandLineConformance.subject("com.acme.MySubject"));
        assertEquals("class not found: com.acme.MySubject — is its jar on the class path?", e.getMessage());
    }
}
