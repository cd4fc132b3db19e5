package org.standalonecredit.cybersource;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import org.standalonecredit.api.BillingAddress;
import org.standalonecredit.api.CardBrand;
import org.standalonecredit.api.CardExpiry;
import org.standalonecredit.api.CreditRequest;
import org.standalonecredit.api.PartnerIds;
import org.standalonecredit.api.PaymentSource;

/**
 * The {@code POST /pts/v2/credits} body for a neutral request. Objects are written in a fixed order
 * (clientReferenceInformation, processingInformation, paymentInformation, orderInformation) and only
 * when they carry a value. The request has already been validated, so every value here is usable.
 */
final class CreditBody {
    private CreditBody() {
    }

    static ObjectNode of(CreditRequest request) {
        ObjectNode body = CybersourceProvider.JSON.objectNode();
        clientReference(request).ifPresent(n -> body.set("clientReferenceInformation", n));
        request.extension(CybersourceCreditOptions.class).flatMap(CreditBody::processing)
                .ifPresent(n -> body.set("processingInformation", n));
        body.set("paymentInformation", payment(request.source()));
        body.set("orderInformation", order(request));
        return body;
    }

    private static Optional<ObjectNode> clientReference(CreditRequest request) {
        ObjectNode n = CybersourceProvider.JSON.objectNode();
        request.merchantReference().ifPresent(v -> n.put("code", v));
        request.transactionId().ifPresent(v -> n.put("transactionId", v));
        request.comments().ifPresent(v -> n.put("comments", v));
        request.partner().ifPresent(p -> partner(p).ifPresent(o -> n.set("partner", o)));
        return n.isEmpty() ? Optional.empty() : Optional.of(n);
    }

    private static Optional<ObjectNode> partner(PartnerIds partner) {
        ObjectNode n = CybersourceProvider.JSON.objectNode();
        partner.certificationNumber().ifPresent(v -> n.put("thirdPartyCertificationNumber", v));
        partner.solution().ifPresent(v -> n.put("solutionId", v));
        return n.isEmpty() ? Optional.empty() : Optional.of(n);
    }

    private static Optional<ObjectNode> processing(CybersourceCreditOptions options) {
        ObjectNode n = CybersourceProvider.JSON.objectNode();
        options.capture().ifPresent(v -> n.put("capture", v));
        options.commerceIndicator().ifPresent(v -> n.put("commerceIndicator", v));
        options.industryDataType().ifPresent(v -> n.put("industryDataType", v));
        return n.isEmpty() ? Optional.empty() : Optional.of(n);
    }

    static ObjectNode payment(PaymentSource source) {
        ObjectNode n = CybersourceProvider.JSON.objectNode();
        if (source instanceof PaymentSource.CustomerToken t) {
            n.putObject("customer").put("id", t.id());
        } else if (source instanceof PaymentSource.PaymentInstrumentToken t) {
            n.putObject("paymentInstrument").put("id", t.id());
        } else if (source instanceof PaymentSource.InstrumentIdentifierToken t) {
            ObjectNode card = n.putObject("card");
            expiry(card, t.expiry());
            type(card, t.brand());
            n.putObject("instrumentIdentifier").put("id", t.id());
        } else if (source instanceof PaymentSource.Card c) {
            ObjectNode card = n.putObject("card");
            card.put("number", c.number());
            expiry(card, c.expiry());
            c.brand().ifPresent(b -> type(card, b));
            c.securityCode().ifPresent(v -> card.put("securityCode", v));
        } else {
            // the gateway refuses undeclared sources before calling this
            throw new IllegalArgumentException("Cybersource cannot credit a " + source.kind());
        }
        return n;
    }

    private static void expiry(ObjectNode card, CardExpiry expiry) {
        card.put("expirationMonth", expiry.twoDigitMonth());
        card.put("expirationYear", expiry.fourDigitYear());
    }

    private static void type(ObjectNode card, CardBrand brand) {
        CardTypes.codeOf(brand).ifPresent(code -> card.put("type", code));
    }

    private static ObjectNode order(CreditRequest request) {
        ObjectNode n = CybersourceProvider.JSON.objectNode();
        n.putObject("amountDetails")
                .put("totalAmount", request.amount().toPlainString())
                .put("currency", request.amount().currencyCode());
        request.billTo().ifPresent(a -> n.set("billTo", billTo(a)));
        return n;
    }

    private static ObjectNode billTo(BillingAddress a) {
        ObjectNode n = CybersourceProvider.JSON.objectNode();
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
        return n;
    }
}
