package org.standalonecredit.testkit.reliability;

import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;

/**
 * Whether the library's DEBUG log lines reach the console, where {@link ConsoleTap} scans them: only then can a run
 * require that its scan saw them. slf4j-simple writes to {@code System.err} (unless told to write to a file); other
 * bindings write wherever the build configures them, so a run under them scans what reaches the console but cannot
 * require the library's lines there.
 */
final class LogScan {
    /** The logger of every HTTP answer the library reads; its DEBUG lines are the ones the scan counts. */
    static final String LIBRARY_LOGGER = "org.standalonecredit.kit.GatewayExchange";
    static final String NO_DEBUG_LINES = "the leak scan must have seen the library's DEBUG log lines, or it proves nothing "
            + "about logs: log " + LIBRARY_LOGGER + " at DEBUG to the console (slf4j-simple), or leave out withLogScan()";

    private LogScan() {
    }

    static boolean libraryDebugReachesConsole() {
        return debugReachesConsole(LIBRARY_LOGGER);
    }

    static boolean debugReachesConsole(String loggerName) {
        ILoggerFactory factory = LoggerFactory.getILoggerFactory();
        return factory.getClass().getName().startsWith("org.slf4j.simple.")
                && System.getProperty("org.slf4j.simpleLogger.logFile") == null
                && factory.getLogger(loggerName).isDebugEnabled();
    }
}
