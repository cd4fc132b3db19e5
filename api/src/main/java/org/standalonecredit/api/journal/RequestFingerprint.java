package org.standalonecredit.api.journal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.standalonecredit.api.CreditRequest;
import org.standalonecredit.api.PaymentSource;

/**
 * What makes two requests under one idempotency key the same credit: amount, currency and source. A card is
 * described by its last four digits, expiry and brand only, so the hash cannot be searched back to a card number
 * (a hash of the full number could be, the space of card numbers being small).
 */
public final class RequestFingerprint {
    /** One digest per thread, reset by each use: cloning a prototype per fingerprint allocated its whole state. */
    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(RequestFingerprint::sha256);
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private RequestFingerprint() {
    }

    /** Lower-case hex SHA-256 of the request's amount, currency and source description. */
    public static String of(CreditRequest request) {
        String text = request.amount().amount().stripTrailingZeros().toPlainString() + "|" + request.amount().currencyCode() + "|"
                + source(request.source());
        MessageDigest digest = SHA_256.get();
        digest.reset();
        return hex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static String hex(byte[] bytes) {
        char[] out = new char[bytes.length * 2];
        for (int i = 0; i < bytes.length; i++) {
            out[2 * i] = HEX[(bytes[i] >> 4) & 0xF];
            out[2 * i + 1] = HEX[bytes[i] & 0xF];
        }
        return new String(out);
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
