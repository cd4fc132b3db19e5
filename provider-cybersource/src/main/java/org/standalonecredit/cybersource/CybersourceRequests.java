package org.standalonecredit.cybersource;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.standalonecredit.api.BillingAddress;
import org.standalonecredit.api.CardBrand;
import org.standalonecredit.api.CardExpiry;
import org.standalonecredit.api.CreditRequest;
import org.standalonecredit.api.FieldError;
import org.standalonecredit.api.InvalidRequestException;
import org.standalonecredit.api.PartnerIds;
import org.standalonecredit.api.PaymentSource;
import org.standalonecredit.api.StatusQuery;
import org.standalonecredit.api.VoidRequest;
import org.standalonecredit.kit.json.JsonValue;

/**
 * Every request this provider sends: paths and bodies, with every wire field name. Objects are written in a
 * fixed order and only when they carry a value; requests have already been validated, so every value here is
 * usable.
 */
final class CybersourceRequests {
    static final String CREDITS_PATH = "/pts/v2/credits";
    static final String TIMEOUT_VOID_PATH = "/pts/v2/voids";
    static final String SEARCH_PATH = "/tss/v2/searches";
    static final int SEARCH_LIMIT = 100;
    private static final Pattern PLAIN_VALUE = Pattern.compile("[A-Za-z0-9._\\-]+");

    private CybersourceRequests() {
    }

    private static JsonValue.ObjectBuilder object() {
        return JsonValue.object();
    }

    /**
     * The {@code POST /pts/v2/credits} body ([PROTOCOL-SOURCES: Cybersource: credit request]): clientReferenceInformation,
     * processingInformation, paymentInformation, orderInformation.
     */
    static byte[] credit(CreditRequest request) {
        JsonValue.ObjectBuilder body = object();
        clientReference(request).ifPresent(n -> body.put("clientReferenceInformation", n));
        request.extension(CybersourceCreditOptions.class).flatMap(CybersourceRequests::processing)
                .ifPresent(n -> body.put("processingInformation", n));
        body.put("paymentInformation", payment(request.source()));
        body.put("orderInformation", order(request));
        return CybersourceProvider.JSON.write(body.build());
    }

    private static Optional<JsonValue> clientReference(CreditRequest request) {
        JsonValue.ObjectBuilder n = object();
        request.merchantReference().ifPresent(v -> n.put("code", v));
        request.transactionId().ifPresent(v -> n.put("transactionId", v));
        request.comments().ifPresent(v -> n.put("comments", v));
        request.partner().ifPresent(p -> partner(p).ifPresent(o -> n.put("partner", o)));
        return nonEmpty(n);
    }

    private static Optional<JsonValue> partner(PartnerIds partner) {
        JsonValue.ObjectBuilder n = object();
        partner.certificationNumber().ifPresent(v -> n.put("thirdPartyCertificationNumber", v));
        partner.solution().ifPresent(v -> n.put("solutionId", v));
        return nonEmpty(n);
    }

    private static Optional<JsonValue> processing(CybersourceCreditOptions options) {
        JsonValue.ObjectBuilder n = object();
        options.capture().ifPresent(v -> n.put("capture", v));
        options.commerceIndicator().ifPresent(v -> n.put("commerceIndicator", v));
        options.industryDataType().ifPresent(v -> n.put("industryDataType", v));
        return nonEmpty(n);
    }

    /** The object when it has a member: one without any is left out of the body. */
    private static Optional<JsonValue> nonEmpty(JsonValue.ObjectBuilder n) {
        return n.isEmpty() ? Optional.empty() : Optional.of(n.build());
    }

    private static JsonValue payment(PaymentSource source) {
        JsonValue.ObjectBuilder n = object();
        if (source instanceof PaymentSource.CustomerToken t) {
            n.putObject("customer").put("id", t.id());
        } else if (source instanceof PaymentSource.PaymentInstrumentToken t) {
            n.putObject("paymentInstrument").put("id", t.id());
        } else if (source instanceof PaymentSource.InstrumentIdentifierToken t) {
            JsonValue.ObjectBuilder card = n.putObject("card");
            expiry(card, t.expiry());
            type(card, t.brand());
            n.putObject("instrumentIdentifier").put("id", t.id());
        } else if (source instanceof PaymentSource.Card c) {
            JsonValue.ObjectBuilder card = n.putObject("card");
            card.put("number", c.number());
            expiry(card, c.expiry());
            c.brand().ifPresent(b -> type(card, b));
            c.securityCode().ifPresent(v -> card.put("securityCode", v));
        } else {
            // the gateway refuses undeclared sources before calling this
            throw new IllegalArgumentException("Cybersource cannot credit a " + source.kind());
        }
        return n.build();
    }

    private static void expiry(JsonValue.ObjectBuilder card, CardExpiry expiry) {
        card.put("expirationMonth", expiry.twoDigitMonth());
        card.put("expirationYear", expiry.fourDigitYear());
    }

    private static void type(JsonValue.ObjectBuilder card, CardBrand brand) {
        CardTypes.codeOf(brand).ifPresent(code -> card.put("type", code));
    }

    private static JsonValue order(CreditRequest request) {
        JsonValue.ObjectBuilder n = object();
        n.putObject("amountDetails")
                .put("totalAmount", request.amount().toPlainString())
                .put("currency", request.amount().currencyCode());
        request.billTo().ifPresent(a -> n.put("billTo", billTo(a)));
        return n.build();
    }

    private static JsonValue billTo(BillingAddress a) {
        JsonValue.ObjectBuilder n = object();
        a.firstName().ifPresent(v -> n.put("firstName", v));
        a.lastName().ifPresent(v -> n.put("lastName", v));
        a.address1().ifPresent(v -> n.put("address1", v));
        a.address2().ifPresent(v -> n.put("address2", v));
        a.locality().ifPresent(v -> n.put("locality", v));
        a.administrativeArea().ifPresent(v -> n.put("administrativeArea", v));
        a.postalCode().ifPresent(v -> n.put("postalCode", v));
        a.country().ifPresent(v -> n.put("country", v));
        a.email().ifPresent(v -> n.put("email", v));
        a.phoneNumber().ifPresent(v -> n.put("phoneNumber", v));
        return n.build();
    }

    /**
     * Voids ([PROTOCOL-SOURCES: Cybersource: follow-ups]): {@code POST /pts/v2/credits/{id}/voids} for a credit the gateway identified,
     * {@code POST /pts/v2/voids} with the merchant's transactionId when the credit's answer was lost.
     */
    static String voidPath(VoidRequest request) {
        return request.gatewayTransactionId()
                .map(id -> CREDITS_PATH + "/" + GatewayIds.checked("gatewayTransactionId", id) + "/voids")
                .orElse(TIMEOUT_VOID_PATH);
    }

    /** {@code {}}, or the clientReferenceInformation the void carries (code, and transactionId for a timeout void). */
    static byte[] voidBody(VoidRequest request) {
        JsonValue.ObjectBuilder body = object();
        Optional<String> code = request.merchantReference();
        if (code.isPresent() || request.transactionId().isPresent()) {
            JsonValue.ObjectBuilder ref = body.putObject("clientReferenceInformation");
            code.ifPresent(v -> ref.put("code", v));
            request.transactionId().ifPresent(v -> ref.put("transactionId", v));
        }
        return CybersourceProvider.JSON.write(body.build());
    }

    /** {@code GET /tss/v2/transactions/{id}}: one transaction by gateway id. */
    static String detailsPath(String gatewayTransactionId) {
        return "/tss/v2/transactions/" + GatewayIds.checked("value", gatewayTransactionId);
    }

    /** {@code POST /tss/v2/searches} by merchant reference or transactionId, newest first. */
    static byte[] searchBody(StatusQuery query) {
        String field = switch (query.by()) {
            case MERCHANT_REFERENCE -> "clientReferenceInformation.code";
            case TRANSACTION_ID -> "clientReferenceInformation.transactionId";
            default -> throw new IllegalArgumentException("Cybersource cannot search by " + query.by());
        };
        JsonValue.ObjectBuilder body = object();
        body.put("save", false);
        body.put("name", "standalone-credit reconciliation");
        body.put("timezone", "UTC");
        body.put("query", field + ":" + queryValue(query.value()));
        body.put("offset", 0);
        body.put("limit", SEARCH_LIMIT);
        body.put("sort", "id:desc");
        return CybersourceProvider.JSON.write(body.build());
    }

    /** Plain values go as they are; others are double-quoted. Quotes and backslashes cannot be searched for. */
    private static String queryValue(String value) {
        if (PLAIN_VALUE.matcher(value).matches()) {
            return value;
        }
        if (value.indexOf('"') >= 0 || value.indexOf('\\') >= 0) {
            throw new InvalidRequestException(List.of(new FieldError("value", "must not contain '\"' or '\\' to be searched for")));
        }
        return "\"" + value + "\"";
    }
}
