package org.standalonecredit.api;

import java.util.Optional;

/** The cardholder's billing address. Personal data: {@code toString()} shows the country only. */
public final class BillingAddress {
    private final String firstName;
    private final String lastName;
    private final String address1;
    private final String address2;
    private final String locality;
    private final String administrativeArea;
    private final String postalCode;
    private final String country;
    private final String email;
    private final String phoneNumber;

    private BillingAddress(Builder b) {
        firstName = b.firstName;
        lastName = b.lastName;
        address1 = b.address1;
        address2 = b.address2;
        locality = b.locality;
        administrativeArea = b.administrativeArea;
        postalCode = b.postalCode;
        country = b.country;
        email = b.email;
        phoneNumber = b.phoneNumber;
    }

    public static Builder builder() {
        return new Builder();
    }

    void validate(String field, Validation v) {
        text(field + ".firstName", firstName, 60, v);
        text(field + ".lastName", lastName, 60, v);
        text(field + ".address1", address1, 60, v);
        text(field + ".address2", address2, 60, v);
        text(field + ".locality", locality, 50, v);
        text(field + ".administrativeArea", administrativeArea, 20, v);
        text(field + ".postalCode", postalCode, 10, v);
        text(field + ".email", email, 255, v);
        text(field + ".phoneNumber", phoneNumber, 15, v);
        if (country != null && !country.matches("[A-Z]{2}")) {
            v.reject(field + ".country", "must be a two-letter ISO 3166 code such as US");
        }
        if (email != null && !email.matches("[^@\\s]+@[^@\\s]+")) {
            v.reject(field + ".email", "must be an e-mail address");
        }
    }

    private static void text(String field, String value, int max, Validation v) {
        v.maxLength(field, value, max);
        v.plainText(field, value);
    }

    public Optional<String> firstName() { return Optional.ofNullable(firstName); }
    public Optional<String> lastName() { return Optional.ofNullable(lastName); }
    public Optional<String> address1() { return Optional.ofNullable(address1); }
    public Optional<String> address2() { return Optional.ofNullable(address2); }
    public Optional<String> locality() { return Optional.ofNullable(locality); }
    public Optional<String> administrativeArea() { return Optional.ofNullable(administrativeArea); }
    public Optional<String> postalCode() { return Optional.ofNullable(postalCode); }
    public Optional<String> country() { return Optional.ofNullable(country); }
    public Optional<String> email() { return Optional.ofNullable(email); }
    public Optional<String> phoneNumber() { return Optional.ofNullable(phoneNumber); }

    @Override
    public String toString() {
        return "BillingAddress[country=" + country + ", …]";
    }

    public static final class Builder {
        Builder() {
        }

        private String firstName;
        private String lastName;
        private String address1;
        private String address2;
        private String locality;
        private String administrativeArea;
        private String postalCode;
        private String country;
        private String email;
        private String phoneNumber;

        public Builder firstName(String v) { firstName = v; return this; }
        public Builder lastName(String v) { lastName = v; return this; }
        public Builder address1(String v) { address1 = v; return this; }
        public Builder address2(String v) { address2 = v; return this; }
        public Builder locality(String v) { locality = v; return this; }
        public Builder administrativeArea(String v) { administrativeArea = v; return this; }
        public Builder postalCode(String v) { postalCode = v; return this; }
        public Builder country(String v) { country = v; return this; }
        public Builder email(String v) { email = v; return this; }
        public Builder phoneNumber(String v) { phoneNumber = v; return this; }

        public BillingAddress build() {
            return new BillingAddress(this);
        }
    }
}
