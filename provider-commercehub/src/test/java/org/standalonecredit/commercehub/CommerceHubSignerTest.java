package org.standalonecredit.commercehub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.standalonecredit.api.config.Secret;
import org.standalonecredit.api.transport.Header;

/** The published test vector of the protocol notes §1, pinned. */
class CommerceHubSignerTest {
    static final String API_KEY = "TEST_API_KEY_0123456789abcdef";
    static final String SECRET = "TEST_API_SECRET_fedcba9876543210";
    static final String CLIENT_REQUEST_ID = "5d8b2d2a-6f5e-4a7c-9f0e-1b2c3d4e5f60";
    static final long TIMESTAMP = 1700000000000L;
    static final String VECTOR_BODY = "{\"amount\":{\"total\":12.04,\"currency\":\"USD\"},\"source\":{\"sourceType\":\"PaymentCard\","
            + "\"card\":{\"cardData\":\"4005550000000019\",\"expirationMonth\":\"02\",\"expirationYear\":\"2035\",\"securityCode\":\"123\","
            + "\"securityCodeIndicator\":\"PROVIDED\"}},\"transactionDetails\":{\"captureFlag\":true,\"merchantInvoiceNumber\":\"123456789012\"},"
            + "\"merchantDetails\":{\"merchantId\":\"100008000003683\",\"terminalId\":\"10000001\"}}";

    @Test
    void signsThePublishedVector() {
        byte[] body = VECTOR_BODY.getBytes(StandardCharsets.UTF_8);
        assertEquals(379, body.length);
        String signature = CommerceHubSigner.signature(API_KEY, SECRET, CLIENT_REQUEST_ID, TIMESTAMP, body);
        assertEquals("uul3Lel1FkPQU9zc6ZG3DJJ7ep2mcZ8PPrZeZTVQD8A=", signature);
        assertEquals(44, signature.length());
    }

    @Test
    void signsAnEmptyBody() {
        assertEquals("+c+8AnQPY/JrwH6Rr9XnEvaPewXkTVQSVWhFc5XaS5E=",
                CommerceHubSigner.signature(API_KEY, SECRET, CLIENT_REQUEST_ID, TIMESTAMP, new byte[0]));
        assertEquals("+c+8AnQPY/JrwH6Rr9XnEvaPewXkTVQSVWhFc5XaS5E=",
                CommerceHubSigner.signature(API_KEY, SECRET, CLIENT_REQUEST_ID, TIMESTAMP, null));
    }

    @Test
    void neverProducesTheLegacyBase64OfHexVariant() {
        String signature = CommerceHubSigner.signature(API_KEY, SECRET, CLIENT_REQUEST_ID, TIMESTAMP, VECTOR_BODY.getBytes(StandardCharsets.UTF_8));
        assertNotEquals("YmFlOTc3MmRlOTc1MTY0M2QwNTNkY2RjZTk5MWI3MGM5MjdiN2E5ZGE2NzE5ZjBmM2ViNjVlNjUzNTUwMGZjMA==", signature);
        assertFalse(signature.startsWith("HMAC") || signature.startsWith("Bearer"));
    }

    @Test
    void headersCarryTheClockTimestampAndItsSignature() {
        Clock clock = Clock.fixed(Instant.ofEpochMilli(TIMESTAMP), ZoneOffset.UTC);
        CommerceHubSigner signer = new CommerceHubSigner(Secret.of(API_KEY), Secret.of(SECRET), clock);
        List<Header> headers = signer.headers(CLIENT_REQUEST_ID, VECTOR_BODY.getBytes(StandardCharsets.UTF_8));
        Map<String, String> byName = headers.stream().collect(Collectors.toMap(Header::name, Header::value));
        assertEquals(Map.of(
                "Content-Type", "application/json",
                "Api-Key", API_KEY,
                "Client-Request-Id", CLIENT_REQUEST_ID,
                "Timestamp", "1700000000000",
                "Auth-Token-Type", "HMAC",
                "Authorization", "uul3Lel1FkPQU9zc6ZG3DJJ7ep2mcZ8PPrZeZTVQD8A="), byName);
        assertFalse(signer.toString().contains(SECRET));
    }
}
