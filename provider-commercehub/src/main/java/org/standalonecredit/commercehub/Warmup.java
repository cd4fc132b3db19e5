package org.standalonecredit.commercehub;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.standalonecredit.api.CardExpiry;
import org.standalonecredit.api.CreditRequest;
import org.standalonecredit.api.PaymentSource;
import org.standalonecredit.api.transport.InboundResponse;

/**
 * What a first credit initialises, done once on made-up data: the request body, its HMAC with a throw-away
 * secret, and reading a seed-shaped answer. Nothing is sent, logged or kept.
 */
final class Warmup {
    private static final byte[] SAMPLE_ANSWER = ("{\"gatewayResponse\":{\"transactionType\":\"CREDIT\",\"transactionState\":\"AUTHORIZED\","
            + "\"transactionProcessingDetails\":{\"orderId\":\"warm-up\",\"apiTraceId\":\"0\",\"clientRequestId\":\"0\",\"transactionId\":\"0\"}},"
            + "\"source\":{\"sourceType\":\"PaymentToken\",\"card\":{\"last4\":\"0000\",\"scheme\":\"VISA\"}},"
            + "\"paymentReceipt\":{\"approvedAmount\":{\"total\":1.00,\"currency\":\"USD\"},"
            + "\"processorResponseDetails\":{\"approvalStatus\":\"APPROVED\",\"approvalCode\":\"000000\",\"responseCode\":\"000\","
            + "\"responseMessage\":\"APPROVAL\",\"hostResponseCode\":\"00\"}}}").getBytes(StandardCharsets.US_ASCII);

    private Warmup() {
    }

    static void run(CommerceHubSettings settings) {
        CreditRequest sample = CreditRequest.builder().amount("1.00", "USD").merchantReference("warm-up")
                .source(PaymentSource.gatewayToken("warm-up-token", "TRANSARMOR", CardExpiry.of(12, 2099))).build();
        byte[] body = new CommerceHubRequests(settings).withPlainSource(sample);
        CommerceHubSigner.signature("warm-up", "warm-up", "00000000-0000-0000-0000-000000000000", 0L, body);
        CommerceHubOutcomes.answered(sample, "00000000-0000-0000-0000-000000000000",
                new InboundResponse(201, List.of(), SAMPLE_ANSWER), 1, Instant.EPOCH);
    }
}
