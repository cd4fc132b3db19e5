package org.standalonecredit.cli;

import java.util.Locale;

/** An operator may type {@code usd}: the library takes ISO 4217 codes in upper case only, so the tool normalises them. */
final class CurrencyCodes {
    private CurrencyCodes() {
    }

    static String normalise(String code) {
        return code == null ? null : code.strip().toUpperCase(Locale.ROOT);
    }
}
