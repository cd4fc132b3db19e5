package org.standalonecredit.simulator;

/**
 * Small helpers for card numbers. Nothing here ever returns or prints a full card number except
 * {@link #isPlausiblePan(String)}, which returns a boolean.
 */
public final class Pans {
    private Pans() {
    }

    /** Whether the string is 12 to 19 digits and passes the Luhn check. */
    public static boolean isPlausiblePan(String pan) {
        if (pan == null || pan.length() < 12 || pan.length() > 19) {
            return false;
        }
        int sum = 0;
        boolean dbl = false;
        for (int i = pan.length() - 1; i >= 0; i--) {
            char c = pan.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
            int d = c - '0';
            if (dbl) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            dbl = !dbl;
        }
        return sum % 10 == 0;
    }

    /** The first {@code length} digits (the BIN/IIN), or {@code null} when the number is shorter than 12. */
    public static String bin(String pan, int length) {
        if (pan == null || pan.length() < 12) {
            return null;
        }
        return pan.substring(0, Math.min(length, pan.length() - 4));
    }

    /** The last four characters, or {@code null} for inputs shorter than four. */
    public static String last4(String value) {
        return value == null || value.length() < 4 ? null : value.substring(value.length() - 4);
    }

    /** A masked form safe to log: first six, asterisks, last four. */
    public static String mask(String pan) {
        if (pan == null || pan.length() < 12) {
            return "****";
        }
        return pan.substring(0, 6) + "*".repeat(pan.length() - 10) + pan.substring(pan.length() - 4);
    }
}
