package org.standalonecredit.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.standalonecredit.simulator.commercehub.CommerceHubSimulator;
import org.standalonecredit.simulator.cybersource.CybersourceSigner;
import org.standalonecredit.simulator.cybersource.CybersourceSimulator;

/** Test helper: a real {@code java.net.http} client sending correctly signed requests to the simulators. */
public final class SimHttp {
    /** HTTP/1.1 so the JDK client does not attempt an h2c upgrade. */
    public static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    /** Guard against hangs; never the thing a test asserts on. */
    public static final Duration GUARD = Duration.ofSeconds(30);

    private SimHttp() {
    }

    /** A signed Cybersource request (not sent). */
    public static HttpRequest cybersourceRequest(CybersourceSimulator sim, String method, String path, String body,
                                                 Duration timeout) {
        URI uri = URI.create(sim.baseUrl() + path);
        byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        CybersourceSigner.Signed signed = sim.signer().sign(method, uri, bytes);
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(timeout)
                .header("Content-Type", "application/json;charset=utf-8")
                .header("Accept", "application/hal+json;charset=utf-8");
        signed.applyTo(b);
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(bytes));
        return b.build();
    }

    /** Sends a signed Cybersource request. */
    public static HttpResponse<String> cybersource(CybersourceSimulator sim, String method, String path, String body)
            throws Exception {
        return CLIENT.send(cybersourceRequest(sim, method, path, body, GUARD), HttpResponse.BodyHandlers.ofString());
    }

    /** A signed Cybersource credit. */
    public static HttpResponse<String> cybersourceCredit(CybersourceSimulator sim, String body) throws Exception {
        return cybersource(sim, "POST", "/pts/v2/credits", body);
    }

    /** A signed Commerce Hub request (not sent). */
    public static HttpRequest commerceHubRequest(CommerceHubSimulator sim, String path, String clientRequestId,
                                                 String body, Duration timeout) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(sim.baseUrl() + path)).timeout(timeout)
                .header("Accept", "application/json");
        sim.signer().sign(clientRequestId, bytes).applyTo(b);
        return b.POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build();
    }

    /** Sends a signed Commerce Hub POST. */
    public static HttpResponse<String> commerceHub(CommerceHubSimulator sim, String path, String clientRequestId,
                                                   String body) throws Exception {
        return CLIENT.send(commerceHubRequest(sim, path, clientRequestId, body, GUARD),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Sends asynchronously. */
    public static CompletableFuture<HttpResponse<String>> async(HttpRequest request) {
        return CLIENT.sendAsync(request, HttpResponse.BodyHandlers.ofString());
    }

    /** Parses a response body. */
    public static JsonNode json(HttpResponse<String> response) throws Exception {
        return SimJson.MAPPER.readTree(response.body());
    }
}
