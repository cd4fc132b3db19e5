package org.standalonecredit.commercehub;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Bodies of the calls other than the credit: cancel, transaction inquiry and public-key generation. */
final class FollowUpBodies {
    private FollowUpBodies() {
    }

    /** {@code POST /payments/v1/cancels}; {@code referenceField} is referenceTransactionId or referenceMerchantTransactionId. */
    static byte[] cancel(CommerceHubSettings settings, String referenceField, String reference, String reasonCode) {
        ObjectNode body = CommerceHubProvider.JSON.objectNode();
        body.putObject("referenceTransactionDetails").put(referenceField, reference);
        body.putObject("transactionDetails").put("reversalReasonCode", reasonCode);
        body.set("merchantDetails", CreditBodyWriter.merchantDetails(settings));
        return CommerceHubProvider.JSON.write(body);
    }

    /** {@code POST /payments/v1/transaction-inquiry} by one reference field. */
    static byte[] inquiry(CommerceHubSettings settings, String referenceField, String reference) {
        ObjectNode body = CommerceHubProvider.JSON.objectNode();
        body.putObject("referenceTransactionDetails").put(referenceField, reference);
        body.set("merchantDetails", CreditBodyWriter.merchantDetails(settings));
        return CommerceHubProvider.JSON.write(body);
    }

    /** {@code POST /security/v1/keys/generate}. */
    static byte[] generateKey(CommerceHubSettings settings) {
        ObjectNode body = CommerceHubProvider.JSON.objectNode();
        body.putObject("merchantDetails").put("merchantId", settings.merchantId());
        return CommerceHubProvider.JSON.write(body);
    }
}
