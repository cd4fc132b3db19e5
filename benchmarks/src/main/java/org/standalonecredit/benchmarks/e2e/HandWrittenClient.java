package org.standalonecredit.benchmarks.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.Timeout;
import org.standalonecredit.benchmarks.Fixtures;

/**
 * The reference a careful team would write without this library: Apache HttpClient 5 classic with a pooled
 * connection manager as large as the callers, Jackson to write the request and read the answer, and the
 * Cybersource "JWT v2" HS256 token signed per request with {@link Mac} and {@link MessageDigest}. Its own code
 * throughout: nothing from the library's classes (only the test credentials and seed values of
 * {@link Fixtures}).
 *
 * <p>Per credit: a fresh key of its own for the credit (a random UUID, what the team would log and reconcile
 * by, as the library keeps an idempotency key per credit); the seed 000 request as a Jackson tree written to
 * bytes; the token's claims as a Jackson tree (digest of those exact bytes, {@code iat}, {@code exp} =
 * {@code iat} + 120, method, path, host, issuer, a random {@code jti}, version "2", merchant) in the order of
 * the guide's example; HMAC-SHA256 under the base64-decoded secret; {@code Authorization: Bearer}; then the
 * answer's {@code status} and {@code id} read with Jackson. It must be HTTP 201 with status {@code PENDING}.
 *
 * <p>One instance is shared by every caller thread (HttpClient and the {@link ObjectMapper} are thread-safe;
 * the keyed {@link Mac} and the {@link MessageDigest} are kept per thread). The client is configured as such a
 * team would: timeouts, no automatic retries (a credit is not safe to resend blindly), no redirects; otherwise
 * HttpClient's defaults (its default TLS set-up and host-name verifier, cookies and compression headers).
 */
public final class HandWrittenClient implements CreditClient {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
    /** Cybersource: "Field values cannot exceed two minutes after … iat". */
    private static final long TOKEN_LIFETIME_SECONDS = 120;

    private final URI uri;
    private final String requestHost;
    private final String merchantId;
    private final String tokenHeader;
    private final ThreadLocal<Mac> hmac;
    private final ThreadLocal<MessageDigest> sha256 = ThreadLocal.withInitial(HandWrittenClient::newSha256);
    private final CloseableHttpClient http;

    /** What the answer says, and the credit's own key. */
    public record Credit(String key, int httpStatus, String status, String id) {
    }

    /**
     * @param baseUrl  {@code https://host:port} (or http)
     * @param poolSize connections to keep, as many as there are callers
     */
    public HandWrittenClient(String baseUrl, int poolSize) {
        this(baseUrl, poolSize, Fixtures.CYBS_MERCHANT_ID, Fixtures.CYBS_KEY_ID, Fixtures.CYBS_SECRET);
    }

    public HandWrittenClient(String baseUrl, int poolSize, String merchantId, String keyId, String base64Secret) {
        URI base = URI.create(baseUrl);
        this.uri = base.resolve(Fixtures.CREDITS_PATH);
        this.requestHost = base.getHost(); // the claim names the host alone, without the port
        this.merchantId = merchantId;
        ObjectNode header = JSON.createObjectNode().put("alg", "HS256").put("typ", "JWT").put("kid", keyId);
        this.tokenHeader = BASE64URL.encodeToString(bytes(header));
        SecretKeySpec key = new SecretKeySpec(Base64.getDecoder().decode(base64Secret), "HmacSHA256");
        this.hmac = ThreadLocal.withInitial(() -> {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(key);
                return mac;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        });
        this.http = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setMaxConnTotal(poolSize)
                        .setMaxConnPerRoute(poolSize)
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(Timeout.ofSeconds(5))
                                .setSocketTimeout(Timeout.ofSeconds(30))
                                .build())
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setConnectionRequestTimeout(Timeout.ofSeconds(5))
                        .setResponseTimeout(Timeout.ofSeconds(30))
                        .build())
                .disableAutomaticRetries()
                .disableRedirectHandling()
                .build();
    }

    @Override
    public String name() {
        return "handwritten";
    }

    @Override
    public Caller newCaller() {
        return () -> {
            Credit credit = credit(Fixtures.SEED_AMOUNT, Fixtures.SEED_CURRENCY, Fixtures.SEED_REFERENCE, Fixtures.SEED_CUSTOMER_TOKEN);
            if (credit.httpStatus() != 201 || !"PENDING".equals(credit.status()) || credit.id() == null) {
                throw new IllegalStateException("hand-written credit: HTTP " + credit.httpStatus() + " status " + credit.status());
            }
        };
    }

    /** One stand-alone credit to a customer token. */
    public Credit credit(String amount, String currency, String reference, String customerToken) throws IOException {
        String key = UUID.randomUUID().toString();
        ObjectNode request = JSON.createObjectNode();
        request.putObject("clientReferenceInformation").put("code", reference);
        request.putObject("paymentInformation").putObject("customer").put("id", customerToken);
        request.putObject("orderInformation").putObject("amountDetails").put("totalAmount", amount).put("currency", currency);
        byte[] body = JSON.writeValueAsBytes(request);

        HttpPost post = new HttpPost(uri);
        post.setHeader("Authorization", "Bearer " + token("post", uri.getRawPath(), body));
        post.setHeader("Accept", "application/hal+json;charset=utf-8");
        post.setEntity(new ByteArrayEntity(body, ContentType.APPLICATION_JSON));
        return http.execute(post, response -> {
            HttpEntity entity = response.getEntity();
            JsonNode answer = entity == null ? null : JSON.readTree(entity.getContent());
            return new Credit(key, response.getCode(), text(answer, "status"), text(answer, "id"));
        });
    }

    /** The compact JWS for one request: {@code base64url(header).base64url(claims).base64url(HMAC)}. */
    String token(String method, String path, byte[] body) {
        long now = System.currentTimeMillis() / 1000;
        ObjectNode claims = JSON.createObjectNode()
                .put("digest", Base64.getEncoder().encodeToString(sha256.get().digest(body)))
                .put("digestAlgorithm", "SHA-256")
                .put("iat", now)
                .put("exp", now + TOKEN_LIFETIME_SECONDS)
                .put("request-method", method)
                .put("request-resource-path", path)
                .put("request-host", requestHost)
                .put("iss", merchantId)
                .put("jti", UUID.randomUUID().toString())
                .put("v-c-jwt-version", "2")
                .put("v-c-merchant-id", merchantId);
        String signingInput = tokenHeader + '.' + BASE64URL.encodeToString(bytes(claims));
        byte[] signature = hmac.get().doFinal(signingInput.getBytes(StandardCharsets.US_ASCII));
        return signingInput + '.' + BASE64URL.encodeToString(signature);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || !value.isTextual() ? null : value.textValue();
    }

    private static byte[] bytes(JsonNode node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        http.close(CloseMode.GRACEFUL);
    }
}
