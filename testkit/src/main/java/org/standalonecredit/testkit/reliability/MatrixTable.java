package org.standalonecredit.testkit.reliability;

import java.util.ArrayList;
import java.util.List;

/** The measured matrix, printed as a Markdown table after the run. */
final class MatrixTable {
    private final List<String> rows = new ArrayList<>();

    synchronized void add(String provider, Fault fault, String outcome, int attempts, int journal, int ledger, String followUp) {
        rows.add("| " + provider + " | " + fault.name() + " | " + outcome + " | " + attempts + " | " + journal + " | " + ledger
                + " | " + followUp + " |");
    }

    synchronized String render() {
        StringBuilder sb = new StringBuilder("| provider | fault | outcome/detail | attempts | requests at gateway | ledger | follow-up |\n");
        sb.append("|---|---|---|---|---|---|---|\n");
        rows.forEach(r -> sb.append(r).append('\n'));
        return sb.toString();
    }
}
