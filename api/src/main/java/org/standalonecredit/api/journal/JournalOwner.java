package org.standalonecredit.api.journal;

import java.util.UUID;

/** Names this process in the records it claims: process id and a random instance id (no host lookup, which may block). */
final class JournalOwner {
    private static final String CURRENT = "pid " + ProcessHandle.current().pid() + " (" + UUID.randomUUID().toString().substring(0, 8) + ")";

    private JournalOwner() {
    }

    static String current() {
        return CURRENT;
    }
}
