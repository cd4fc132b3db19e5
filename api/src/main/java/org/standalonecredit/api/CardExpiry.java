package org.standalonecredit.api;

/**
 * A card's expiry month and four-digit year. Not checked against today's date: stand-alone
 * credits are not refused by the gateways for an expired card, and the caller's clock is not ours.
 */
public record CardExpiry(int month, int year) {

    public static CardExpiry of(int month, int year) {
        return new CardExpiry(month, year);
    }

    void validate(String field, Validation v) {
        if (month < 1 || month > 12) {
            v.reject(field + ".month", "must be between 1 and 12");
        }
        if (year < 2000 || year > 2099) {
            v.reject(field + ".year", "must be a four-digit year between 2000 and 2099");
        }
    }

    /** "03" */
    public String twoDigitMonth() {
        return month < 10 ? "0" + month : Integer.toString(month);
    }

    /** "2031" */
    public String fourDigitYear() {
        return Integer.toString(year);
    }

    @Override
    public String toString() {
        return twoDigitMonth() + "/" + fourDigitYear();
    }
}
