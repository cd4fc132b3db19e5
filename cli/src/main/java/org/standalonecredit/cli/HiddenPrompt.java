package org.standalonecredit.cli;

import java.io.IOException;

/**
 * Asks at the terminal for a value that must not be shown as it is typed (a card number, a security code):
 * {@link java.io.Console#readPassword} when the tool runs at one. Null at the end of input.
 */
@FunctionalInterface
interface HiddenPrompt {
    char[] read(String prompt) throws IOException;

    /** The terminal's, or null when standard input and output are not one (piped, redirected). */
    static HiddenPrompt of(java.io.Console console) {
        return console == null ? null : prompt -> console.readPassword("%s", prompt);
    }
}
