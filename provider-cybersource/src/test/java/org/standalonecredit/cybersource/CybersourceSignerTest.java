package org.standalonecredit.cybersource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.standalonecredit.api.transport.Header;

/** The published vectors of protocol notes §1.3, computed with the official SDK and python. */
class CybersourceSignerTest {
    private static final String HOST = "apitest.cybersource.com";
    private static final String DATE = "Thu, 18 Jul 2019 00:18:03 GMT";
    private static final byte[] CREDIT_BODY = ("{\"clientReferenceInformation\":{\"code\":\"refund-0001\"},\"orderInformation\":{\"amountDetails\":"
            + "{\"totalAmount\":\"10.00\",\"currency\":\"USD\"}},\"paymentInformation\":{\"card\":{\"number\":\"4111111111111111\","
            + "\"expirationMonth\":\"12\",\"expirationYear\":\"2031\",\"type\":\"001\"}}}").getBytes(StandardCharsets.UTF_8);
    private final CybersourceSigner signer = new CybersourceSigner(TestGateways.MERCHANT_ID, TestGateways.KEY_ID,
            Base64.getDecoder().decode(TestGateways.SECRET));

    @Test
    void digestIsTheBase64Sha256OfTheExactBytes() {
        assertEquals("SHA-256=PU2fiI+W794+YLWxeOmHFlpmt5YvZnbRB0C10dXU+WU=", CybersourceSigner.digest(CREDIT_BODY));
    }

    @Test
    void signsACreditPostAsTheSdkDoes() {
        String header = signer.signatureHeader("POST", HOST, "/pts/v2/credits", DATE, CybersourceSigner.digest(CREDIT_BODY));
        assertEquals("keyid=\"08c94330-f618-42a3-b09d-e1e43be5efda\", algorithm=\"HmacSHA256\", "
                + "headers=\"host date request-target digest v-c-merchant-id\", signature=\"ucwhH73NkRGVMT4qAMVGauyrs5aU3RNtW9QlPmWJDk4=\"", header);
    }

    @Test
    void oneSignerSignsTheVectorTheSameWayEveryTimeAndFromManyThreadsAtOnce() throws Exception {
        String digest = CybersourceSigner.digest(CREDIT_BODY);
        String expected = signer.signatureHeader("POST", HOST, "/pts/v2/credits", DATE, digest);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            java.util.List<java.util.concurrent.Future<String>> signed = new java.util.ArrayList<>();
            for (int i = 0; i < 400; i++) {
                signed.add(pool.submit(() -> signer.signatureHeader("POST", HOST, "/pts/v2/credits", DATE, digest)));
            }
            for (java.util.concurrent.Future<String> header : signed) {
                assertEquals(expected, header.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertTrue(expected.endsWith("signature=\"ucwhH73NkRGVMT4qAMVGauyrs5aU3RNtW9QlPmWJDk4=\""), expected);
    }

    @Test
    void theDateFollowsTheSecondsItIsAskedFor() {
        Instant t = Instant.parse("2026-01-05T03:04:05Z");
        assertEquals("Mon, 05 Jan 2026 03:04:05 GMT", CybersourceSigner.httpDate(t));
        assertEquals("Mon, 05 Jan 2026 03:04:05 GMT", CybersourceSigner.httpDate(t.plusMillis(999)));
        assertEquals("Mon, 05 Jan 2026 03:04:06 GMT", CybersourceSigner.httpDate(t.plusSeconds(1)));
        assertEquals("Mon, 05 Jan 2026 03:04:05 GMT", CybersourceSigner.httpDate(t));
        assertEquals("Thu, 18 Jul 2019 00:18:03 GMT", CybersourceSigner.httpDate(Instant.parse("2019-07-18T00:18:03Z")));
    }

    @Test
    void signsAGetWithoutDigest() {
        String header = signer.signatureHeader("GET", HOST, "/tss/v2/transactions/7055970261066212404951", DATE, null);
        assertTrue(header.contains("headers=\"host date request-target v-c-merchant-id\""), header);
        assertTrue(header.endsWith("signature=\"Ty7DYn/f9Wepza9hZLK+RdUlzMRUapfybBad5kaWgbs=\""), header);
    }

    @Test
    void signsAVoid() {
        byte[] body = "{\"clientReferenceInformation\":{\"code\":\"void-0001\"}}".getBytes(StandardCharsets.UTF_8);
        String header = signer.signatureHeader("POST", HOST, "/pts/v2/credits/7055970261066212404951/voids", DATE,
                CybersourceSigner.digest(body));
        assertTrue(header.endsWith("signature=\"roGrpXU8u87sWPWyvyELgPwTLEVWY0QwOl9zIndGmkU=\""), header);
    }

    @Test
    void neverSignsTheLegacyParenthesisedRequestTarget() {
        String signingString = signer.signingString("POST", HOST, "/pts/v2/credits", DATE, CybersourceSigner.digest(CREDIT_BODY));
        assertTrue(signingString.contains("\nrequest-target: post /pts/v2/credits\n"));
        assertFalse(signingString.contains("(request-target)"));
        String header = signer.signatureHeader("POST", HOST, "/pts/v2/credits", DATE, CybersourceSigner.digest(CREDIT_BODY));
        assertFalse(header.contains("j8nEEHPceyp2HexItjIIvAdlrEmOE+XrHGtCqDW6eDo="), "the legacy (request-target) signature");
        assertFalse(header.contains("(request-target)"));
    }

    @Test
    void theSigningStringHasOneLinePerHeaderAndNoTrailingNewline() {
        String digest = CybersourceSigner.digest(CREDIT_BODY);
        assertEquals("host: apitest.cybersource.com\n"
                + "date: Thu, 18 Jul 2019 00:18:03 GMT\n"
                + "request-target: post /pts/v2/credits\n"
                + "digest: SHA-256=PU2fiI+W794+YLWxeOmHFlpmt5YvZnbRB0C10dXU+WU=\n"
                + "v-c-merchant-id: testmerchant", signer.signingString("POST", HOST, "/pts/v2/credits", DATE, digest));
    }

    @Test
    void postHeadersCarryHostDateDigestMerchantAndTheSignatureOverThem() {
        List<Header> headers = signer.headers("POST", HOST, "/pts/v2/credits", Instant.parse("2019-07-18T00:18:03Z"), CREDIT_BODY);
        assertEquals(List.of("Host", "Date", "Digest", "v-c-merchant-id", "Signature"),
                headers.stream().map(Header::name).collect(Collectors.toList()));
        assertEquals(DATE, headers.get(1).value());
        assertTrue(headers.get(4).value().contains("ucwhH73NkRGVMT4qAMVGauyrs5aU3RNtW9QlPmWJDk4="));
    }

    @Test
    void getHeadersHaveNoDigest() {
        List<Header> headers = signer.headers("GET", HOST, "/tss/v2/transactions/1", Instant.parse("2019-07-18T00:18:03Z"), null);
        assertTrue(headers.stream().noneMatch(h -> h.name().equals("Digest")));
    }

    @Test
    void theDateIsRfc1123InGmtWithATwoDigitDay() {
        assertEquals("Mon, 05 Jan 2026 03:04:05 GMT", CybersourceSigner.httpDate(Instant.parse("2026-01-05T03:04:05Z")));
    }

    @Test
    void toStringShowsNoKey() {
        assertFalse(signer.toString().contains(TestGateways.SECRET));
        assertTrue(signer.toString().contains("redacted"));
    }
}
