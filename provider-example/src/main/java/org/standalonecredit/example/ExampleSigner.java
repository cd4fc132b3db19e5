package org.standalonecredit.example;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.standalonecredit.api.config.Secret;
import org.standalonecredit.api.transport.Header;
import org.standalonecredit.kit.signing.HmacSha256;

/**
 * ExamplePay's authentication: {@code Api-Key} names the account, {@code Signature} is the base64
 * HMAC-SHA256 of the exact body bytes under the API secret. The signature covers the body only, so a
 * re-sent credit is byte-for-byte the same request.
 */
final class ExampleSigner {
    static final String API_KEY = "Api-Key";
    static final String SIGNATURE = "Signature";

    private final String apiKey;
    private final HmacSha256 hmac;

    ExampleSigner(String apiKey, Secret apiSecret) {
        this.apiKey = apiKey;
        this.hmac = new HmacSha256(apiSecret.reveal().getBytes(StandardCharsets.UTF_8));
    }

    List<Header> headers(byte[] body) {
        String signature = Base64.getEncoder().encodeToString(hmac.sign(body));
        return List.of(new Header(API_KEY, apiKey), new Header(SIGNATURE, signature));
    }

    @Override
    public String toString() {
        return "ExampleSigner[redacted]";
    }
}
