package org.standalonecredit.commercehub;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.standalonecredit.api.GatewayError;

/** Errors wherever Commerce Hub's documents and examples put them. */
class CommerceHubResponsesTest {
    private static final GatewayError EXPECTED = new GatewayError("105", "amount.currency", "[GATEWAY] Invalid amount or currency");
    private static final String ERROR = "{\"type\":\"GATEWAY\",\"code\":\"105\",\"field\":\"amount.currency\",\"message\":\"Invalid amount or currency\"}";

    private static List<GatewayError> parse(String json) {
        return CommerceHubResponses.errorsIn(CommerceHubResponses.parse(json.getBytes(StandardCharsets.UTF_8)).orElseThrow());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"error\":[%s]}",
            "{\"error\":%s}",
            "{\"errorResponse\":{\"error\":%s}}",
            "{\"errorResponse\":{\"error\":[%s]}}",
            "{\"gatewayResponse\":{\"transactionState\":\"DECLINED\",\"error\":[%s]}}"})
    void findsTheErrorInEveryDocumentedShape(String shape) {
        assertEquals(List.of(EXPECTED), parse(shape.formatted(ERROR)));
    }

    @Test
    void usesTheTypeAsCodeWhenThereIsNoCodeAndKeepsAdditionalInfo() {
        assertEquals(List.of(new GatewayError("APIM", null, "[APIM] Too many requests"),
                        new GatewayError("600", null, "[GATEWAY] Fraud Error: General (Block Duplicate)")),
                parse("{\"error\":[{\"type\":\"APIM\",\"message\":\"Too many requests\"},"
                        + "{\"type\":\"GATEWAY\",\"code\":\"600\",\"message\":\"Fraud Error: General\",\"additionalInfo\":\"Block Duplicate\"}]}"));
    }

    @Test
    void toleratesOddEntries() {
        assertEquals(List.of(new GatewayError(null, null, "plain text")), parse("{\"error\":[\"plain text\", 42, null, []]}"));
        assertEquals(List.of(), parse("{\"error\":null}"));
        assertEquals(List.of(), parse("[{\"error\":[" + ERROR + "]}]"));
    }
}
