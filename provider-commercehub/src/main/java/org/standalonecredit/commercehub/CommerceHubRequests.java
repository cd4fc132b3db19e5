package org.standalonecredit.commercehub;

import java.util.Optional;
import org.standalonecredit.api.CreditRequest;
import org.standalonecredit.api.PaymentSource;
import org.standalonecredit.kit.json.JsonValue;

/**
 * Every request this provider sends: paths and bodies, with every wire field name. The credit body (seed 004 /
 * open refund) is {@code amount}, {@code source}, {@code transactionDetails}, {@code transactionInteraction}
 * and {@code merchantDetails}, in that order; the amount is a JSON number written from the BigDecimal at the
 * currency's minor units. The credit path itself is a setting ({@link CommerceHubSettings#creditPath()}).
 */
final class CommerceHubRequests {
    static final String CANCEL_PATH = "/payments/v1/cancels";
    static final String INQUIRY_PATH = "/payments/v1/transaction-inquiry";
    static final String GENERATE_KEY_PATH = "/security/v1/keys/generate";

    private final CommerceHubSettings settings;

    CommerceHubRequests(CommerceHubSettings settings) {
        this.settings = settings;
    }

    /** The body with the card in the clear, or the gateway token: deterministic for a given request. */
    byte[] withPlainSource(CreditRequest request) {
        return write(request, plainSource(request.source()));
    }

    /** The body with the card RSA-encrypted; the ciphertext differs on every call. */
    byte[] withEncryptedCard(CreditRequest request, CardEncryptor.EncryptedCard card) {
        JsonValue.ObjectBuilder source = JsonValue.object().put("sourceType", "PaymentCard");
        source.putObject("encryptionData")
                .put("encryptionType", "RSA")
                .put("encryptionTarget", "MANUAL")
                .put("encryptionBlock", card.encryptionBlock())
                .put("encryptionBlockFields", card.encryptionBlockFields())
                .put("keyId", card.keyId());
        return write(request, source.build());
    }

    private byte[] write(CreditRequest request, JsonValue source) {
        JsonValue.ObjectBuilder body = JsonValue.object();
        body.putObject("amount")
                .put("total", request.amount().amount())
                .put("currency", request.amount().currencyCode());
        body.put("source", source);
        JsonValue details = transactionDetails(request);
        if (details.size() > 0) {
            body.put("transactionDetails", details);
        }
        if (settings.ecomInteraction()) {
            body.putObject("transactionInteraction")
                    .put("origin", "ECOM")
                    .put("eciIndicator", "CHANNEL_ENCRYPTED")
                    .put("posConditionCode", "CARD_NOT_PRESENT_ECOM");
        }
        body.put("merchantDetails", merchantDetails(settings));
        return CommerceHubProvider.JSON.write(body.build());
    }

    static JsonValue merchantDetails(CommerceHubSettings settings) {
        return JsonValue.object().put("merchantId", settings.merchantId()).put("terminalId", settings.terminalId()).build();
    }

    private JsonValue transactionDetails(CreditRequest request) {
        Optional<CommerceHubCreditOptions> options = request.extension(CommerceHubCreditOptions.class);
        JsonValue.ObjectBuilder details = JsonValue.object();
        options.flatMap(CommerceHubCreditOptions::captureFlag).or(settings::captureFlag)
                .ifPresent(flag -> details.put("captureFlag", flag));
        request.transactionId().ifPresent(id -> details.put("merchantTransactionId", id));
        Optional<String> invoice = options.flatMap(CommerceHubCreditOptions::invoiceNumber);
        Optional<String> reference = request.merchantReference();
        invoice.or(() -> reference).ifPresent(v -> details.put("merchantInvoiceNumber", v));
        options.flatMap(CommerceHubCreditOptions::orderId)
                .or(() -> invoice.isPresent() ? reference : Optional.empty())
                .ifPresent(v -> details.put("merchantOrderId", v));
        return details.build();
    }

    private static JsonValue plainSource(PaymentSource source) {
        JsonValue.ObjectBuilder node = JsonValue.object();
        if (source instanceof PaymentSource.Card card) {
            node.put("sourceType", "PaymentCard");
            JsonValue.ObjectBuilder c = node.putObject("card")
                    .put("cardData", card.number())
                    .put("expirationMonth", card.expiry().twoDigitMonth())
                    .put("expirationYear", card.expiry().fourDigitYear());
            card.securityCode().ifPresent(code -> c.put("securityCode", code).put("securityCodeIndicator", "PROVIDED"));
        } else if (source instanceof PaymentSource.GatewayToken token) {
            node.put("sourceType", "PaymentToken")
                    .put("tokenData", token.tokenData())
                    .put("tokenSource", token.tokenSource());
            token.expiry().ifPresent(expiry -> node.putObject("card")
                    .put("expirationMonth", expiry.twoDigitMonth())
                    .put("expirationYear", expiry.fourDigitYear()));
        } else {
            // AbstractCreditGateway refuses undeclared sources before this point
            throw new IllegalStateException("undeclared payment source " + source.kind());
        }
        return node.build();
    }

    /** {@code POST /payments/v1/cancels}; {@code referenceField} is referenceTransactionId or referenceMerchantTransactionId. */
    static byte[] cancel(CommerceHubSettings settings, String referenceField, String reference, String reasonCode) {
        JsonValue.ObjectBuilder body = JsonValue.object();
        body.putObject("referenceTransactionDetails").put(referenceField, reference);
        body.putObject("transactionDetails").put("reversalReasonCode", reasonCode);
        body.put("merchantDetails", merchantDetails(settings));
        return CommerceHubProvider.JSON.write(body.build());
    }

    /** {@code POST /payments/v1/transaction-inquiry} by one reference field. */
    static byte[] inquiry(CommerceHubSettings settings, String referenceField, String reference) {
        JsonValue.ObjectBuilder body = JsonValue.object();
        body.putObject("referenceTransactionDetails").put(referenceField, reference);
        body.put("merchantDetails", merchantDetails(settings));
        return CommerceHubProvider.JSON.write(body.build());
    }

    /** {@code POST /security/v1/keys/generate}. */
    static byte[] generateKey(CommerceHubSettings settings) {
        JsonValue.ObjectBuilder body = JsonValue.object();
        body.putObject("merchantDetails").put("merchantId", settings.merchantId());
        return CommerceHubProvider.JSON.write(body.build());
    }
}
