package org.standalonecredit.simulator.commercehub;

/**
 * One entry of a Commerce Hub {@code error[]} array. Codes and messages from Commerce Hub's Error-Code.md.
 *
 * @param type    {@code GATEWAY}, {@code APIM}, {@code HOST} or {@code NETWORK}
 * @param code    numeric code as a string, or {@code null}
 * @param field   offending field, or {@code null}
 * @param message documented message
 */
record CommerceHubError(String type, String code, String field, String message) {

    static CommerceHubError gateway(String code, String field, String message) {
        return new CommerceHubError("GATEWAY", code, field, message);
    }

    static CommerceHubError missingOrInvalid(String field) {
        return gateway("100", field, "Invalid or Missing Field Data");
    }

    static CommerceHubError invalidAmountOrCurrency(String field) {
        return gateway("105", field, "Invalid Amount or Currency");
    }

    static CommerceHubError invalidCardNumber(String field) {
        return gateway("103", field, "Missing or Invalid Card Number or Token");
    }

    static CommerceHubError invalidExpiry(String field) {
        return gateway("115", field, "Missing or Invalid Expiration Date");
    }

    static CommerceHubError malformedJson() {
        return gateway("121", null, "Malformed JSON");
    }

    static CommerceHubError missingCardData() {
        return gateway("129", "source.card.cardData", "Missing Card Data In Request");
    }

    static CommerceHubError sameIdDifferentRequest() {
        return gateway("136", "Client-Request-Id",
                "Another Transaction With Same OrderId/Transaction Id Currently Being Processed");
    }

    static CommerceHubError missingHeader(String header) {
        return gateway("138", header, "Missing Body or Header in Request");
    }

    static CommerceHubError invalidEncryptionData(String field) {
        return gateway("302", field, "Missing or Invalid Encryption Data");
    }

    static CommerceHubError unknownKeyId() {
        return gateway("666", "source.encryptionData.keyId", "Invalid or Missing Key ID");
    }

    static CommerceHubError decryptionFailed() {
        return gateway("693", "source.encryptionData.encryptionBlock", "Decryption Processing Error");
    }

    static CommerceHubError cancelNotFound() {
        return gateway("831", "referenceTransactionDetails", "Unable to Cancel: No Transaction Found");
    }

    static CommerceHubError cancelWrongState() {
        return gateway("833", "referenceTransactionDetails",
                "Unable to Cancel: Transaction Not in Captured or Authorized Status");
    }

    static CommerceHubError typeNotSupported(String field) {
        return gateway("848", field, "Transaction Type Not Supported");
    }
}
