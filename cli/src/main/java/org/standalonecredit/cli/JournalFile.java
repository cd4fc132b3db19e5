package org.standalonecredit.cli;

import java.nio.file.Path;

/**
 * The tool's default credit journal: an embedded H2 database in one file beside the audit log
 * ({@value #DEFAULT_NAME}{@code .mv.db}), created when missing. Configuration ({@code <name>.journal.type},
 * {@code <name>.journal.url}) overrides it; {@code --journal FILE} chooses another file.
 */
final class JournalFile {
    /** The database name H2 makes {@code standalone-credit-journal.mv.db} of. */
    static final String DEFAULT_NAME = "standalone-credit-journal";
    /** What H2 adds to the database name. */
    static final String H2_SUFFIX = ".mv.db";
    private static final String BIND_ADDRESS = "h2.bindAddress";

    private JournalFile() {
    }

    /** The default journal: {@value #DEFAULT_NAME} in the audit log's directory. */
    static Path besideAuditLog(Path auditLog) {
        Path parent = auditLog.toAbsolutePath().getParent();
        return parent == null ? Path.of(DEFAULT_NAME).toAbsolutePath() : parent.resolve(DEFAULT_NAME);
    }

    /** The H2 database name of {@code file}: absolute, without H2's {@value #H2_SUFFIX} if the operator wrote it. */
    static Path database(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        String name = String.valueOf(absolute.getFileName());
        return name.endsWith(H2_SUFFIX) && name.length() > H2_SUFFIX.length()
                ? absolute.resolveSibling(name.substring(0, name.length() - H2_SUFFIX.length())) : absolute;
    }

    /**
     * The JDBC URL of the journal in {@code file}. {@code WRITE_DELAY=0}: a commit is on disk when the statement
     * returns (H2 otherwise writes it up to 500 ms later, and a crash then would lose a claim). {@code AUTO_SERVER=TRUE}:
     * a second process opening the file (two operators, or a {@code reconcile} beside a {@code credit}) reaches the
     * first one's database through it instead of failing on the file lock.
     *
     * @throws UsageException when the path has a character a JDBC URL cannot carry
     */
    static String url(Path file, String whereFrom, int exitCode) {
        String path = database(file).toString();
        if (path.indexOf(';') >= 0) {
            throw new UsageException("the journal file " + path + " (" + whereFrom + ") cannot be used: its path contains ';'; choose another with"
                    + " --journal FILE", exitCode);
        }
        return "jdbc:h2:file:" + path + ";WRITE_DELAY=0;AUTO_SERVER=TRUE";
    }

    /**
     * H2's automatic server listens on every interface unless {@code h2.bindAddress} says otherwise; the tool's
     * journal is for processes on this machine. H2 reads the property once, so this runs before H2 is loaded, and
     * leaves a value the operator set ({@code -Dh2.bindAddress=...}) alone. Also for an H2 URL in the configuration.
     */
    static void keepAutoServerOnLoopback() {
        if (System.getProperty(BIND_ADDRESS) == null) {
            System.setProperty(BIND_ADDRESS, "127.0.0.1");
        }
    }
}
