package org.standalonecredit.testkit.reliability;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * slf4j-simple is this module's test binding, at INFO by default: a logger set to DEBUG reaches the console, one
 * left at INFO does not. slf4j-simple reads a logger's level when the logger is first made, so each case uses a
 * logger name nothing else uses.
 */
class LogScanTest {

    @Test
    void aLoggerAtDebugUnderSlf4jSimpleReachesTheConsole() {
        String name = "org.standalonecredit.testkit.reliability.LogScanTest.debug";
        System.setProperty("org.slf4j.simpleLogger.log." + name, "debug");
        try {
            assertTrue(LogScan.debugReachesConsole(name));
        } finally {
            System.clearProperty("org.slf4j.simpleLogger.log." + name);
        }
    }

    @Test
    void aLoggerAtInfoDoesNot() {
        assertFalse(LogScan.debugReachesConsole("org.standalonecredit.testkit.reliability.LogScanTest.info"));
    }
}
