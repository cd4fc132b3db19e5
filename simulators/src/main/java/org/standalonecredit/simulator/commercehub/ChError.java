package org.standalonecredit.simulator.commercehub;

/**
 * One entry of a Commerce Hub {@code error[]} array. Codes and messages from Commerce Hub's Error-Code.md.
 *
 * @param type    {@code GATEWAY}, {@code APIM}, {@code HOST} or {@code NETWORK}
 * @param code    numeric code as a string, or {@code null}
 * @param field   offending field, or {@code null}
 * @param message documented message
 */
record ChError(String type, String code, String field, String message) {

    static ChError gateway(String code, String field, String message) {
        return new ChError("GATEWAY", code, field, message);
    }

    static ChError missingOrInvalid(String field) {
        return gateway("100", field, "Invalid or Missing Field Data");
    }

    static ChError invalidAmountOrCurrency(String field) {
        return gateway("105", field, "Invalid Amount or Currency");
    }

    static ChError invalidCardNumber(String field) {
        return gateway("103", field, "Missing or Invalid Card Number or Token");
    }

    static ChError invalidExpiry(String field) {
        return gateway("115", field, "Missing or Invalid Expiration Date");
    }

    static ChError malformedJson() {
        return gateway("121", null, "Malformed JSON");
    }

    static ChError missingCardData() {
        return gateway("129", "source.card.cardData", "Missing Card Data In Request");
    }

    static ChError sameIdDifferentRequest() {
        return gateway("136", "Client-Request-Id",
                "Another Transaction With Same OrderId/Transaction Id Currently Being Processed");
    }

    static ChError missingHeader(String header) {
        return gateway("138", header, "Missing Body or Header in Request");
    }

    static ChError invalidEncryptionData(String field) {
        return gateway("302", field, "Missing or Invalid Encryption Data");
    }

    static ChError unknownKeyId() {
        return gateway("666", "source.encryptionData.keyId", "Invalid or Missing Key ID");
    }

    static ChError decryptionFailed() {
        return gateway("693", "source.encryptionData.encryptionBlock", "Decryption Processing Error");
    }

    static ChError cancelNotFound() {
        return gateway("831", "referenceTransactionDetails", "Unable to Cancel: No Transaction Found");
    }

    static ChError cancelWrongState() {
        return gateway("833", "referenceTransactionDetails",
                "Unable to Cancel: Transaction Not in Captured or Authorized Status");
    }

    static ChError typeNotSupported(String field) {
        return gateway("848", field, "Transaction Type Not Supported");
    }
}
