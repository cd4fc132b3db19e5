package org.standalonecredit.api.privacy;

/** Luhn check and the only ways a card number may be shown: last four, or first six and last four. */
public final class CardNumbers {
    private CardNumbers() {
    }

    public static boolean isLuhnValid(CharSequence digits) {
        int sum = 0;
        boolean doubled = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (d < 0 || d > 9) {
                return false;
            }
            if (doubled) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            doubled = !doubled;
        }
        return digits.length() > 0 && sum % 10 == 0;
    }

    /** "1111", or "" for anything shorter than four characters. */
    public static String lastFour(String pan) {
        return pan == null || pan.length() < 4 ? "" : pan.substring(pan.length() - 4);
    }

    /** "411111******1111" for 13+ digits; shorter values are fully masked. */
    public static String firstSixLastFour(String pan) {
        if (pan == null) {
            return "";
        }
        if (pan.length() < 13) {
            return "*".repeat(pan.length());
        }
        return pan.substring(0, 6) + "*".repeat(pan.length() - 10) + pan.substring(pan.length() - 4);
    }

    /** "****1111" */
    public static String lastFourOnly(String pan) {
        return "****" + lastFour(pan);
    }
}
