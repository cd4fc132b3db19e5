package org.standalonecredit.testkit.reliability;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import org.standalonecredit.testkit.reliability.support.CanaryScanner;

/**
 * Takes over {@code System.out} and {@code System.err} (where slf4j-simple writes) and hands every
 * line to a {@link CanaryScanner} instead of printing it. {@link #report()} prints to the real
 * console. Lines are counted so a test can prove the capture saw the library's DEBUG output.
 */
final class ConsoleTap implements AutoCloseable {
    private final PrintStream originalOut = System.out;
    private final PrintStream originalErr = System.err;
    private final CanaryScanner scanner;
    private final AtomicLong lines = new AtomicLong();
    private final AtomicLong libraryDebugLines = new AtomicLong();

    public ConsoleTap(CanaryScanner scanner) {
        this.scanner = scanner;
        System.setOut(new PrintStream(new LineSink("stdout"), true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(new LineSink("stderr"), true, StandardCharsets.UTF_8));
    }

    /** Lines printed while the tap was on. */
    public long lines() {
        return lines.get();
    }

    /** DEBUG lines from the library's own loggers (org.standalonecredit.*). */
    public long libraryDebugLines() {
        return libraryDebugLines.get();
    }

    /** Prints to the real standard output, past the tap. */
    public void report(String text) {
        originalOut.println(text);
        originalOut.flush();
    }

    @Override
    public void close() {
        System.out.flush();
        System.err.flush();
        System.setOut(originalOut);
        System.setErr(originalErr);
    }

    private void line(String stream, String line) {
        lines.incrementAndGet();
        if (line.contains("DEBUG org.standalonecredit.")) {
            libraryDebugLines.incrementAndGet();
        }
        scanner.scan("a line on " + stream, line);
    }

    /** Splits the bytes of one stream into lines. */
    private final class LineSink extends OutputStream {
        private final String name;
        private final ByteArrayOutputStream current = new ByteArrayOutputStream(256);

        LineSink(String name) {
            this.name = name;
        }

        @Override
        public synchronized void write(int b) {
            if (b == '\n') {
                line(name, current.toString(StandardCharsets.UTF_8));
                current.reset();
            } else {
                current.write(b);
            }
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            for (int i = off; i < off + len; i++) {
                write(b[i]);
            }
        }

        @Override
        public synchronized void flush() {
            // a line is scanned when it ends; a partial line waits for its newline
        }

        @Override
        public synchronized void close() {
            if (current.size() > 0) {
                line(name, current.toString(StandardCharsets.UTF_8));
                current.reset();
            }
        }
    }
}
