package org.standalonecredit.simulator.commercehub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.standalonecredit.simulator.AuthResult;
import org.standalonecredit.simulator.Bodies;
import org.standalonecredit.simulator.MutableClock;

/** The published vector of protocol notes §1, accepted; every one-byte change, rejected. */
class HmacVerifierTest {
    static final String API_KEY = "TEST_API_KEY_0123456789abcdef";
    static final String SECRET = "TEST_API_SECRET_fedcba9876543210";
    static final String CRID = "5d8b2d2a-6f5e-4a7c-9f0e-1b2c3d4e5f60";
    static final String TIMESTAMP = "1700000000000";
    static final String AUTHORIZATION = "uul3Lel1FkPQU9zc6ZG3DJJ7ep2mcZ8PPrZeZTVQD8A=";
    static final String EMPTY_BODY_AUTHORIZATION = "+c+8AnQPY/JrwH6Rr9XnEvaPewXkTVQSVWhFc5XaS5E=";

    final MutableClock clock = MutableClock.at(Instant.ofEpochMilli(1_700_000_000_000L));
    final HmacVerifier verifier = new HmacVerifier(API_KEY, SECRET, clock, Duration.ofMinutes(5));

    static Map<String, String> headers(String timestamp, String authorization) {
        Map<String, String> h = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        h.put("Content-Type", "application/json");
        h.put("Client-Request-Id", CRID);
        h.put("Api-Key", API_KEY);
        h.put("Timestamp", timestamp);
        h.put("Auth-Token-Type", "HMAC");
        h.put("Authorization", authorization);
        return h;
    }

    AuthResult verify(String body, Map<String, String> headers) {
        return verifier.verify(headers::get, body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void vectorBodyIs379Bytes() {
        assertEquals(379, Bodies.COMMERCE_HUB_VECTOR_BODY.getBytes(StandardCharsets.UTF_8).length);
    }

    @Test
    void acceptsPublishedVector() {
        AuthResult r = verify(Bodies.COMMERCE_HUB_VECTOR_BODY, headers(TIMESTAMP, AUTHORIZATION));
        assertTrue(r.accepted(), r.reason());
        assertTrue(verify("", headers(TIMESTAMP, EMPTY_BODY_AUTHORIZATION)).accepted());
    }

    @Test
    void signerReproducesPublishedVector() {
        CommerceHubSigner signer = new CommerceHubSigner(API_KEY, SECRET, clock);
        CommerceHubSigner.Signed s = signer.sign(CRID, Bodies.COMMERCE_HUB_VECTOR_BODY.getBytes(StandardCharsets.UTF_8));
        assertEquals(TIMESTAMP, s.timestamp());
        assertEquals(AUTHORIZATION, s.authorization());
        assertEquals(EMPTY_BODY_AUTHORIZATION, CommerceHubSigner.signature(API_KEY, SECRET, CRID, TIMESTAMP, new byte[0]));
        assertEquals("HMAC", s.headers().get("Auth-Token-Type"));
        assertFalse(signer.toString().contains(SECRET));
    }

    @Test
    void rejectsOneByteChangeToBody() {
        assertFalse(verify(Bodies.COMMERCE_HUB_VECTOR_BODY.replace("12.04", "12.05"), headers(TIMESTAMP, AUTHORIZATION)).accepted());
    }

    @Test
    void rejectsOneByteChangeToTimestamp() {
        assertFalse(verify(Bodies.COMMERCE_HUB_VECTOR_BODY, headers("1700000000001", AUTHORIZATION)).accepted());
    }

    @Test
    void rejectsOneByteChangeToSignature() {
        assertFalse(verify(Bodies.COMMERCE_HUB_VECTOR_BODY, headers(TIMESTAMP, "vul3Lel1FkPQU9zc6ZG3DJJ7ep2mcZ8PPrZeZTVQD8A=")).accepted());
    }

    @Test
    void rejectsLegacyBase64OfHexSignature() {
        String legacy = "YmFlOTc3MmRlOTc1MTY0M2QwNTNkY2RjZTk5MWI3MGM5MjdiN2E5ZGE2NzE5ZjBmM2ViNjVlNjUzNTUwMGZjMA==";
        assertFalse(verify(Bodies.COMMERCE_HUB_VECTOR_BODY, headers(TIMESTAMP, legacy)).accepted());
    }

    @Test
    void rejectsWrongKeyTokenTypeOrMissingHeaders() {
        Map<String, String> h = headers(TIMESTAMP, AUTHORIZATION);
        h.put("Api-Key", "OTHER");
        assertFalse(verify(Bodies.COMMERCE_HUB_VECTOR_BODY, h).accepted());
        h = headers(TIMESTAMP, AUTHORIZATION);
        h.put("Auth-Token-Type", "JWT");
        assertFalse(verify(Bodies.COMMERCE_HUB_VECTOR_BODY, h).accepted());
        h = headers(TIMESTAMP, AUTHORIZATION);
        h.remove("Client-Request-Id");
        assertFalse(verify(Bodies.COMMERCE_HUB_VECTOR_BODY, h).accepted());
        h = headers(TIMESTAMP, AUTHORIZATION);
        h.put("Authorization", "HMAC " + AUTHORIZATION);
        assertFalse(verify(Bodies.COMMERCE_HUB_VECTOR_BODY, h).accepted());
        assertFalse(verify(Bodies.COMMERCE_HUB_VECTOR_BODY, headers("not-a-number", AUTHORIZATION)).accepted());
    }

    @Test
    void timestampMustBeWithinFiveMinutes() {
        clock.advance(Duration.ofMinutes(5));
        assertTrue(verify(Bodies.COMMERCE_HUB_VECTOR_BODY, headers(TIMESTAMP, AUTHORIZATION)).accepted());
        clock.advance(Duration.ofMillis(1));
        assertFalse(verify(Bodies.COMMERCE_HUB_VECTOR_BODY, headers(TIMESTAMP, AUTHORIZATION)).accepted());
        clock.set(Instant.ofEpochMilli(1_700_000_000_000L).minus(Duration.ofMinutes(5)).minusMillis(1));
        assertFalse(verify(Bodies.COMMERCE_HUB_VECTOR_BODY, headers(TIMESTAMP, AUTHORIZATION)).accepted());
    }
}
