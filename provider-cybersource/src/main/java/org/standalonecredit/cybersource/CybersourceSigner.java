package org.standalonecredit.cybersource;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.standalonecredit.kit.signing.HmacSha256;
import org.standalonecredit.kit.signing.Sha256;
import org.standalonecredit.api.transport.Header;

/**
 * Cybersource HTTP Signature authentication (HmacSHA256 over {@code host date request-target digest
 * v-c-merchant-id}), as the official SDK signs since the 2024 change: {@code request-target} without
 * parentheses, lower-case method, path with query. Thread-safe; {@code toString()} shows no key. JWT
 * signing is a separate signer in {@code org.standalonecredit.cybersource.jose}.
 */
public final class CybersourceSigner implements RequestAuthentication {
    public static final String ALGORITHM = "HmacSHA256";
    private static final Set<String> BODY_METHODS = Set.of("POST", "PUT", "PATCH");
    /** RFC 1123 / IMF-fixdate with a zero-padded day, always GMT. */
    private static final DateTimeFormatter HTTP_DATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);

    /** The Date of the second last signed: formatting a date costs more than the rest of the signature. */
    private static volatile FormattedSecond lastDate = new FormattedSecond(Long.MIN_VALUE, "");

    private final String merchantId;
    private final String keyId;
    private final HmacSha256 hmac;

    /**
     * @param sharedSecret the raw key bytes: the base64-decoded shared secret as issued
     */
    public CybersourceSigner(String merchantId, String keyId, byte[] sharedSecret) {
        this.merchantId = Objects.requireNonNull(merchantId, "merchantId");
        this.keyId = Objects.requireNonNull(keyId, "keyId");
        this.hmac = new HmacSha256(Objects.requireNonNull(sharedSecret, "sharedSecret"));
    }

    /**
     * The authentication headers for one request, in this order: {@code Host}, {@code Date},
     * {@code Digest} (POST/PUT/PATCH only), {@code v-c-merchant-id}, {@code Signature}.
     *
     * @param host         the Host header value exactly as sent (host, or host:port)
     * @param pathAndQuery the raw path with {@code ?query} if any
     * @param body         the exact body bytes sent (null for none)
     */
    @Override
    public List<Header> headers(String method, String host, String pathAndQuery, Instant now, byte[] body) {
        String date = httpDate(now);
        String digest = hasBody(method) ? digest(body == null ? new byte[0] : body) : null;
        List<Header> headers = new ArrayList<>(5);
        headers.add(new Header("Host", host));
        headers.add(new Header("Date", date));
        if (digest != null) {
            headers.add(new Header("Digest", digest));
        }
        headers.add(new Header("v-c-merchant-id", merchantId));
        headers.add(new Header("Signature", signatureHeader(method, host, pathAndQuery, date, digest)));
        return headers;
    }

    /** The {@code Signature} header value; {@code digest} is null for methods without a body. */
    public String signatureHeader(String method, String host, String pathAndQuery, String date, String digest) {
        String names = digest != null ? "host date request-target digest v-c-merchant-id" : "host date request-target v-c-merchant-id";
        String signature = Base64.getEncoder().encodeToString(hmac(signingString(method, host, pathAndQuery, date, digest)));
        return "keyid=\"" + keyId + "\", algorithm=\"" + ALGORITHM + "\", headers=\"" + names + "\", signature=\"" + signature + "\"";
    }

    /** One {@code name: value} line per signed header, joined with {@code \n}, no trailing newline. */
    String signingString(String method, String host, String pathAndQuery, String date, String digest) {
        StringBuilder s = new StringBuilder(256)
                .append("host: ").append(host).append('\n')
                .append("date: ").append(date).append('\n')
                .append("request-target: ").append(method.toLowerCase(Locale.ROOT)).append(' ').append(pathAndQuery).append('\n');
        if (digest != null) {
            s.append("digest: ").append(digest).append('\n');
        }
        return s.append("v-c-merchant-id: ").append(merchantId).toString();
    }

    private byte[] hmac(String signingString) {
        return hmac.sign(signingString.getBytes(StandardCharsets.UTF_8));
    }

    /** {@code SHA-256=} and the base64 SHA-256 of exactly these bytes. */
    public static String digest(byte[] body) {
        return "SHA-256=" + Base64.getEncoder().encodeToString(Sha256.digest(body));
    }

    /** "Thu, 18 Jul 2019 00:18:03 GMT" */
    public static String httpDate(Instant instant) {
        long second = instant.getEpochSecond();
        FormattedSecond last = lastDate;
        if (last.epochSecond == second) {
            return last.text;
        }
        String text = HTTP_DATE.format(instant);
        lastDate = new FormattedSecond(second, text);
        return text;
    }

    private record FormattedSecond(long epochSecond, String text) {
    }

    static boolean hasBody(String method) {
        return BODY_METHODS.contains(method.toUpperCase(Locale.ROOT));
    }

    @Override
    public String toString() {
        return "CybersourceSigner[merchantId=" + merchantId + ", keyId=" + keyId + ", key=redacted]";
    }
}
