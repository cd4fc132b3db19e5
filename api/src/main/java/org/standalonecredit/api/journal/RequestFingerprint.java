package org.standalonecredit.api.journal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.standalonecredit.api.CreditRequest;
import org.standalonecredit.api.PaymentSource;

/**
 * What makes two requests under one idempotency key the same credit: amount, currency and source. A card is
 * described by its last four digits, expiry and brand only, so the hash cannot be searched back to a card number
 * (a hash of the full number could be, the space of card numbers being small).
 */
public final class RequestFingerprint {
    /** Cloned per fingerprint: a provider look-up per credit costs more than hashing the short text. */
    private static final MessageDigest SHA_256 = sha256();

    private RequestFingerprint() {
    }

    /** Lower-case hex SHA-256 of the request's amount, currency and source description. */
    public static String of(CreditRequest request) {
        String text = request.amount().amount().stripTrailingZeros().toPlainString() + "|" + request.amount().currencyCode() + "|"
                + source(request.source());
        MessageDigest digest;
        try {
            digest = (MessageDigest) SHA_256.clone();
        } catch (CloneNotSupportedException e) {
            digest = sha256();
        }
        return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    private static String source(PaymentSource source) {
        if (source instanceof PaymentSource.Card card) {
            String number = card.number() == null ? "" : card.number();
            return "CARD:" + number.substring(Math.max(0, number.length() - 4)) + ":" + card.expiry() + ":" + card.brand().orElse(null);
        }
        if (source instanceof PaymentSource.CustomerToken t) {
            return "CUSTOMER_TOKEN:" + t.id();
        }
        if (source instanceof PaymentSource.PaymentInstrumentToken t) {
            return "PAYMENT_INSTRUMENT_TOKEN:" + t.id();
        }
        if (source instanceof PaymentSource.InstrumentIdentifierToken t) {
            return "INSTRUMENT_IDENTIFIER_TOKEN:" + t.id() + ":" + t.expiry() + ":" + t.brand();
        }
        if (source instanceof PaymentSource.GatewayToken t) {
            return "GATEWAY_TOKEN:" + t.tokenSource() + ":" + t.tokenData() + ":" + t.expiry().orElse(null);
        }
        return source.kind().name();
    }
}
