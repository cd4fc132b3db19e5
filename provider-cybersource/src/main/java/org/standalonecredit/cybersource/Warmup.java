package org.standalonecredit.cybersource;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import org.standalonecredit.api.CreditRequest;
import org.standalonecredit.api.PaymentSource;
import org.standalonecredit.api.transport.InboundResponse;

/**
 * What a first credit initialises, done once on made-up data: the request body, its signature with a
 * throw-away key, and reading a seed-shaped answer. Nothing is sent, logged or kept.
 */
final class Warmup {
    private static final byte[] SAMPLE_ANSWER = ("{\"id\":\"0000000000000000000000\",\"status\":\"PENDING\","
            + "\"submitTimeUtc\":\"2026-01-01T00:00:00Z\",\"clientReferenceInformation\":{\"code\":\"warm-up\"},"
            + "\"creditAmountDetails\":{\"creditAmount\":\"1.00\",\"currency\":\"USD\"},"
            + "\"processorInformation\":{\"approvalCode\":\"000000\",\"responseCode\":\"100\"},"
            + "\"reconciliationId\":\"0000000000\",\"_links\":{\"void\":{\"method\":\"POST\",\"href\":\"/pts/v2/credits/0/voids\"}}}")
            .getBytes(StandardCharsets.US_ASCII);

    private Warmup() {
    }

    static void run(String providerId) {
        CreditRequest sample = CreditRequest.builder().amount("1.00", "USD").merchantReference("warm-up")
                .source(PaymentSource.customerToken("00000000000000000000000000000000")).build();
        byte[] body = CybersourceRequests.credit(sample);
        CybersourceSigner signer = new CybersourceSigner("warm-up", "warm-up", new byte[32]);
        signer.headers("POST", "localhost", CybersourceRequests.CREDITS_PATH, Clock.systemUTC().instant(), body);
        CybersourceOutcomes.credit(providerId, sample, new InboundResponse(201, List.of(), SAMPLE_ANSWER), 1);
    }
}
