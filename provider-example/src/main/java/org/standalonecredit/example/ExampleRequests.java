package org.standalonecredit.example;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.standalonecredit.api.CreditRequest;
import org.standalonecredit.api.PaymentSource;
import org.standalonecredit.api.transport.Header;
import org.standalonecredit.api.transport.OutboundRequest;
import org.standalonecredit.kit.json.JsonTrees;
import org.standalonecredit.kit.json.JsonValue;

/**
 * What goes on the wire: {@code POST /v1/credits} with the body
 * {@code {"amount":{"value":"10.50","currency":"USD"},"reference":…,"card":{…}}}, the request's idempotency
 * key as {@code Idempotency-Key}, and the signature headers.
 */
final class ExampleRequests {
    static final String CREDIT_PATH = "/v1/credits";
    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private final URI credits;
    private final ExampleSigner signer;
    private final JsonTrees json;

    ExampleRequests(String baseUrl, ExampleSigner signer, JsonTrees json) {
        this.credits = URI.create(baseUrl + CREDIT_PATH);
        this.signer = signer;
        this.json = json;
    }

    /**
     * The body, written once per credit: every attempt must send the same bytes. The amount is a string at
     * the currency's minor units ({@code "1500"} JPY, {@code "10.50"} USD, {@code "1.250"} KWD), as the neutral
     * {@link org.standalonecredit.api.Money} already holds it.
     */
    byte[] creditBody(CreditRequest request) {
        PaymentSource.Card card = (PaymentSource.Card) request.source();
        JsonValue.ObjectBuilder body = JsonValue.object();
        body.putObject("amount").put("value", request.amount().amount().toPlainString()).put("currency", request.amount().currencyCode());
        request.merchantReference().ifPresent(r -> body.put("reference", r));
        JsonValue.ObjectBuilder c = body.putObject("card").put("number", card.number())
                .put("expiryMonth", card.expiry().twoDigitMonth()).put("expiryYear", card.expiry().fourDigitYear());
        card.securityCode().ifPresent(code -> c.put("securityCode", code));
        return json.write(body.build());
    }

    /** One attempt: fresh headers around the same body and key. */
    OutboundRequest credit(byte[] body, String idempotencyKey) {
        List<Header> headers = new ArrayList<>();
        headers.add(new Header("Content-Type", "application/json"));
        headers.add(new Header(IDEMPOTENCY_KEY, idempotencyKey));
        headers.addAll(signer.headers(body));
        return new OutboundRequest("POST", credits, headers, body);
    }
}
