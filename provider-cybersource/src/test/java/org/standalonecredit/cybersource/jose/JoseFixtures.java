package org.standalonecredit.cybersource.jose;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The published vectors (protocol notes §8) and their throwaway keys, read from the copy in
 * {@code src/test/resources/jose/}.
 */
final class JoseFixtures {
    static final String MERCHANT_ID = "testmerchant";
    static final String KEY_ID = "08c94330-f618-42a3-b09d-e1e43be5efda";
    static final String SECRET = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
    static final String HOST = "apitest.cybersource.com";
    static final String P12_PASSWORD = "testmerchant";
    /** The vectors' pinned {@code Date.now}: 2026-12-01T00:00:00Z. */
    static final Instant VECTOR_NOW = Instant.ofEpochMilli(1796083200000L);
    static final Clock VECTOR_CLOCK = Clock.fixed(VECTOR_NOW, ZoneOffset.UTC);
    /** Inside the validity of every vector certificate (2026-12-01T20:03:43Z to 2036-11-28), unlike VECTOR_NOW. */
    static final Clock CERTIFICATES_VALID = Clock.fixed(Instant.parse("2030-01-01T00:00:00Z"), ZoneOffset.UTC);

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonNode VECTORS = json(bytes("vectors.json"));

    private JoseFixtures() {
    }

    static JsonNode vector(String name) {
        JsonNode vector = VECTORS.path("vectors").path(name);
        if (vector.isMissingNode()) {
            throw new IllegalArgumentException("no vector " + name);
        }
        return vector;
    }

    static JsonNode inputs() {
        return VECTORS.path("inputs");
    }

    static byte[] bytes(String resource) {
        try (InputStream in = JoseFixtures.class.getResourceAsStream("/jose/" + resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource jose/" + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(String resource) {
        return new String(bytes(resource), StandardCharsets.UTF_8);
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static JsonNode json(byte[] json) {
        try {
            return MAPPER.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> jsonMap(String json) {
        try {
            return MAPPER.readValue(json, Map.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static X509Certificate certificate(String resource) {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(bytes(resource)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static PrivateKey privateKey(String resource) {
        String pem = text(resource).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String p12Base64() {
        return text("jwt_p12.p12.b64");
    }

    static Supplier<String> ids(String... ids) {
        int[] next = {0};
        return () -> ids[next[0]++];
    }

    /** The {@code Authorization} value of a vector (or of its captured request) without the {@code Bearer } prefix. */
    static String token(JsonNode vector) {
        String authorization = vector.path("authorization").asText(null);
        JsonNode raw = vector.path("captured").path("rawHeaders");
        for (int i = 0; authorization == null && i + 1 < raw.size(); i += 2) {
            if (raw.get(i).asText().equalsIgnoreCase("Authorization")) {
                authorization = raw.get(i + 1).asText();
            }
        }
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            throw new IllegalStateException("not a Bearer value: " + authorization);
        }
        return authorization.substring("Bearer ".length());
    }

    /** The decoded text of one part of a compact JWS or JWE. */
    static String segment(String compact, int index) {
        return new String(Base64.getUrlDecoder().decode(compact.split("\\.")[index]), StandardCharsets.UTF_8);
    }

    /**
     * {@code compact} with the lowest bit of its last character flipped. When the last part's length leaves
     * unused bits in that character (16- and 32-byte values do), the JDK decoder reads the same bytes from both.
     */
    static String lastCharacterLowBitFlipped(String compact) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        char last = compact.charAt(compact.length() - 1);
        return compact.substring(0, compact.length() - 1) + alphabet.charAt(alphabet.indexOf(last) ^ 1);
    }

    /** A deterministic SecureRandom: SHA-256 of (seed, counter) blocks. For repeatable JWEs in tests only. */
    static SecureRandom fixedRandom(long seed) {
        return new SecureRandom() {
            private static final long serialVersionUID = 1L;
            private long counter;

            @Override
            public void nextBytes(byte[] out) {
                try {
                    MessageDigest sha = MessageDigest.getInstance("SHA-256");
                    for (int i = 0; i < out.length; i += 32) {
                        sha.update(Long.toString(seed).getBytes(StandardCharsets.US_ASCII));
                        sha.update(Long.toString(counter++).getBytes(StandardCharsets.US_ASCII));
                        byte[] block = sha.digest();
                        System.arraycopy(block, 0, out, i, Math.min(32, out.length - i));
                    }
                } catch (GeneralSecurityException e) {
                    throw new IllegalStateException(e);
                }
            }
        };
    }
}
