package org.standalonecredit.simulator.cybersource;

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

/** The published vectors of protocol notes §1.3, accepted; every one-byte change, rejected. */
class HttpSignatureVerifierTest {
    static final String MERCHANT = "testmerchant";
    static final String KEY_ID = "08c94330-f618-42a3-b09d-e1e43be5efda";
    static final String SECRET = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
    static final String HOST = "apitest.cybersource.com";
    static final String DATE = "Thu, 18 Jul 2019 00:18:03 GMT";
    static final String DIGEST = "SHA-256=PU2fiI+W794+YLWxeOmHFlpmt5YvZnbRB0C10dXU+WU=";
    static final String POST_SIGNATURE = "ucwhH73NkRGVMT4qAMVGauyrs5aU3RNtW9QlPmWJDk4=";
    static final String GET_SIGNATURE = "Ty7DYn/f9Wepza9hZLK+RdUlzMRUapfybBad5kaWgbs=";
    static final String VOID_SIGNATURE = "roGrpXU8u87sWPWyvyELgPwTLEVWY0QwOl9zIndGmkU=";
    static final String LEGACY_SIGNATURE = "j8nEEHPceyp2HexItjIIvAdlrEmOE+XrHGtCqDW6eDo=";
    static final String TX = "7055970261066212404951";
    static final String VOID_BODY = "{\"clientReferenceInformation\":{\"code\":\"void-0001\"}}";

    final MutableClock clock = MutableClock.at(Instant.parse("2019-07-18T00:18:03Z"));
    final HttpSignatureVerifier verifier = new HttpSignatureVerifier(MERCHANT, KEY_ID, SECRET, clock, Duration.ofMinutes(5));

    static String signatureHeader(String headers, String signature) {
        return "keyid=\"" + KEY_ID + "\", algorithm=\"HmacSHA256\", headers=\"" + headers + "\", signature=\"" + signature + "\"";
    }

    static Map<String, String> headers(String date, String digest, String signatureHeader) {
        Map<String, String> h = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        h.put("Host", HOST);
        h.put("Date", date);
        if (digest != null) {
            h.put("Digest", digest);
        }
        h.put("v-c-merchant-id", MERCHANT);
        h.put("Signature", signatureHeader);
        return h;
    }

    AuthResult verifyPost(String body, Map<String, String> headers) {
        return verifier.verify("POST", "/pts/v2/credits", headers::get, body.getBytes(StandardCharsets.UTF_8));
    }

    Map<String, String> postHeaders() {
        return headers(DATE, DIGEST, signatureHeader("host date request-target digest v-c-merchant-id", POST_SIGNATURE));
    }

    @Test
    void digestOfVectorBody() {
        assertEquals(DIGEST, CybersourceSigner.digest(Bodies.CYBERSOURCE_VECTOR_BODY.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void acceptsPublishedPostVector() {
        AuthResult r = verifyPost(Bodies.CYBERSOURCE_VECTOR_BODY, postHeaders());
        assertTrue(r.accepted(), r.reason());
    }

    @Test
    void acceptsPublishedGetVector() {
        Map<String, String> h = headers(DATE, null, signatureHeader("host date request-target v-c-merchant-id", GET_SIGNATURE));
        AuthResult r = verifier.verify("GET", "/tss/v2/transactions/" + TX, h::get, new byte[0]);
        assertTrue(r.accepted(), r.reason());
    }

    @Test
    void acceptsPublishedVoidVector() {
        byte[] body = VOID_BODY.getBytes(StandardCharsets.UTF_8);
        Map<String, String> h = headers(DATE, CybersourceSigner.digest(body),
                signatureHeader("host date request-target digest v-c-merchant-id", VOID_SIGNATURE));
        AuthResult r = verifier.verify("POST", "/pts/v2/credits/" + TX + "/voids", h::get, body);
        assertTrue(r.accepted(), r.reason());
    }

    @Test
    void rejectsLegacyParenthesisedRequestTarget() {
        Map<String, String> legacyList = headers(DATE, DIGEST,
                signatureHeader("host date (request-target) digest v-c-merchant-id", LEGACY_SIGNATURE));
        assertFalse(verifyPost(Bodies.CYBERSOURCE_VECTOR_BODY, legacyList).accepted());
        Map<String, String> legacyValue = headers(DATE, DIGEST,
                signatureHeader("host date request-target digest v-c-merchant-id", LEGACY_SIGNATURE));
        assertFalse(verifyPost(Bodies.CYBERSOURCE_VECTOR_BODY, legacyValue).accepted());
    }

    @Test
    void rejectsOneByteChangeToBody() {
        String changed = Bodies.CYBERSOURCE_VECTOR_BODY.replace("10.00", "10.01");
        assertFalse(verifyPost(changed, postHeaders()).accepted());
        // even with a recomputed digest: the digest is signed
        Map<String, String> h = postHeaders();
        h.put("Digest", CybersourceSigner.digest(changed.getBytes(StandardCharsets.UTF_8)));
        assertFalse(verifyPost(changed, h).accepted());
    }

    @Test
    void rejectsOneByteChangeToDate() {
        Map<String, String> h = postHeaders();
        h.put("Date", "Thu, 18 Jul 2019 00:18:04 GMT");
        assertFalse(verifyPost(Bodies.CYBERSOURCE_VECTOR_BODY, h).accepted());
    }

    @Test
    void rejectsOneByteChangeToSignature() {
        Map<String, String> h = headers(DATE, DIGEST, signatureHeader("host date request-target digest v-c-merchant-id",
                "vcwhH73NkRGVMT4qAMVGauyrs5aU3RNtW9QlPmWJDk4="));
        assertFalse(verifyPost(Bodies.CYBERSOURCE_VECTOR_BODY, h).accepted());
    }

    @Test
    void rejectsOtherPathMethodMerchantOrKey() {
        Map<String, String> h = postHeaders();
        byte[] body = Bodies.CYBERSOURCE_VECTOR_BODY.getBytes(StandardCharsets.UTF_8);
        assertFalse(verifier.verify("POST", "/pts/v2/credits?x=1", h::get, body).accepted());
        assertFalse(verifier.verify("PUT", "/pts/v2/credits", h::get, body).accepted());
        Map<String, String> otherMerchant = postHeaders();
        otherMerchant.put("v-c-merchant-id", "othermerchant");
        assertFalse(verifyPost(Bodies.CYBERSOURCE_VECTOR_BODY, otherMerchant).accepted());
        Map<String, String> otherKey = postHeaders();
        otherKey.put("Signature", otherKey.get("Signature").replace(KEY_ID, "00000000-f618-42a3-b09d-e1e43be5efda"));
        assertFalse(verifyPost(Bodies.CYBERSOURCE_VECTOR_BODY, otherKey).accepted());
    }

    @Test
    void rejectsPostWithoutSignedDigestAndMissingHeaders() {
        Map<String, String> noDigest = headers(DATE, DIGEST, signatureHeader("host date request-target v-c-merchant-id", POST_SIGNATURE));
        assertFalse(verifyPost(Bodies.CYBERSOURCE_VECTOR_BODY, noDigest).accepted());
        Map<String, String> noDate = postHeaders();
        noDate.remove("Date");
        assertFalse(verifyPost(Bodies.CYBERSOURCE_VECTOR_BODY, noDate).accepted());
        Map<String, String> noSignature = postHeaders();
        noSignature.remove("Signature");
        assertFalse(verifyPost(Bodies.CYBERSOURCE_VECTOR_BODY, noSignature).accepted());
        Map<String, String> garbage = postHeaders();
        garbage.put("Signature", "keyid=unquoted");
        assertFalse(verifyPost(Bodies.CYBERSOURCE_VECTOR_BODY, garbage).accepted());
    }

    @Test
    void freshnessWindowIsFiveMinutesEitherWay() {
        clock.set(Instant.parse("2019-07-18T00:23:03Z"));
        assertTrue(verifyPost(Bodies.CYBERSOURCE_VECTOR_BODY, postHeaders()).accepted());
        clock.set(Instant.parse("2019-07-18T00:23:04Z"));
        assertFalse(verifyPost(Bodies.CYBERSOURCE_VECTOR_BODY, postHeaders()).accepted());
        clock.set(Instant.parse("2019-07-18T00:13:02Z"));
        assertFalse(verifyPost(Bodies.CYBERSOURCE_VECTOR_BODY, postHeaders()).accepted());
    }

    @Test
    void acceptsDayWithAndWithoutZeroPadding() {
        clock.set(Instant.parse("2026-01-05T03:04:05Z"));
        CybersourceSigner signer = new CybersourceSigner(MERCHANT, KEY_ID, SECRET, clock);
        byte[] body = Bodies.CYBERSOURCE_VECTOR_BODY.getBytes(StandardCharsets.UTF_8);
        for (String date : new String[] {"Mon, 5 Jan 2026 03:04:05 GMT", "Mon, 05 Jan 2026 03:04:05 GMT"}) {
            CybersourceSigner.Signed s = signer.sign("POST", HOST, "/pts/v2/credits", body, date);
            Map<String, String> h = headers(date, s.digest(), s.signature());
            AuthResult r = verifier.verify("POST", "/pts/v2/credits", h::get, body);
            assertTrue(r.accepted(), date + ": " + r.reason());
        }
        assertTrue(signer.sign("POST", HOST, "/pts/v2/credits", body).date().startsWith("Mon, 5 Jan 2026"),
                "Java's RFC 1123 formatter does not pad the day");
    }

    @Test
    void signerReproducesPublishedVectors() {
        CybersourceSigner signer = new CybersourceSigner(MERCHANT, KEY_ID, SECRET, clock);
        CybersourceSigner.Signed post = signer.sign("POST", HOST, "/pts/v2/credits",
                Bodies.CYBERSOURCE_VECTOR_BODY.getBytes(StandardCharsets.UTF_8));
        assertEquals(DATE, post.date());
        assertEquals(DIGEST, post.digest());
        assertEquals(signatureHeader("host date request-target digest v-c-merchant-id", POST_SIGNATURE), post.signature());
        CybersourceSigner.Signed get = signer.sign("GET", HOST, "/tss/v2/transactions/" + TX, new byte[0]);
        assertEquals(signatureHeader("host date request-target v-c-merchant-id", GET_SIGNATURE), get.signature());
        CybersourceSigner.Signed voids = signer.sign("POST", HOST, "/pts/v2/credits/" + TX + "/voids",
                VOID_BODY.getBytes(StandardCharsets.UTF_8));
        assertTrue(voids.signature().endsWith("signature=\"" + VOID_SIGNATURE + "\""));
        assertFalse(signer.toString().contains(SECRET));
    }
}
