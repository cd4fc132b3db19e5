package org.standalonecredit.testkit.conformance;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.PrintWriter;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * Runs the conformance suite from the command line against the jars on the class path:
 * {@code java -cp testkit.jar:my-provider.jar:my-tests.jar:... org.standalonecredit.testkit.conformance.ConformanceMain com.acme.MySubject}.
 * Prints one line per check and a summary; exits 0 when every check passed.
 */
public final class ConformanceMain {
    private ConformanceMain() {
    }

    public static void main(String[] args) {
        if (args.length != 1) {
            System.err.println("usage: ConformanceMain <fully.qualified.ConformanceSubject>");
            System.exit(2);
        }
        try {
            CommandLineConformance.subject(args[0]);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
        }
        System.setProperty(CommandLineConformance.SUBJECT_PROPERTY, args[0]);
        System.exit(run(new PrintWriter(System.out, true)) ? 0 : 1);
    }

    static boolean run(PrintWriter out) {
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClass(CommandLineConformance.class)).build();
        Launcher launcher = LauncherFactory.create();
        SummaryGeneratingListener summary = new SummaryGeneratingListener();
        launcher.execute(request, new LinePrinter(out), summary);
        TestExecutionSummary s = summary.getSummary();
        out.printf("%d passed, %d failed, %d skipped%n", s.getTestsSucceededCount(), s.getTestsFailedCount(), s.getTestsAbortedCount());
        return s.getTotalFailureCount() == 0 && s.getTestsFoundCount() > 0;
    }

    private static final class LinePrinter implements TestExecutionListener {
        private final PrintWriter out;

        LinePrinter(PrintWriter out) {
            this.out = out;
        }

        @Override
        public void executionFinished(TestIdentifier id, TestExecutionResult result) {
            if (!id.isTest()) {
                if (result.getStatus() == TestExecutionResult.Status.FAILED && id.getParentId().isPresent()) {
                    out.println("FAIL  " + id.getDisplayName() + ": " + result.getThrowable().map(Throwable::getMessage).orElse(""));
                }
                return;
            }
            String mark = switch (result.getStatus()) {
                case SUCCESSFUL -> "ok    ";
                case ABORTED -> "skip  ";
                case FAILED -> "FAIL  ";
            };
            out.println(mark + id.getDisplayName()
                    + result.getThrowable().map(t -> "\n      " + t.getMessage()).orElse(""));
        }
    }
}
