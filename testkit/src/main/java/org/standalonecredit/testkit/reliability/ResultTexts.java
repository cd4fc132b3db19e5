package org.standalonecredit.testkit.reliability;

import org.standalonecredit.api.CreditRequest;
import org.standalonecredit.api.CreditResult;
import org.standalonecredit.api.StatusResult;
import org.standalonecredit.testkit.reliability.support.CanaryScanner;

/** Hands everything a caller can print from a credit to the {@link CanaryScanner}. */
final class ResultTexts {
    private ResultTexts() {
    }

    public static void scan(CanaryScanner scanner, CreditRequest request, CreditResult result) {
        scanner.scan("the request's toString", request);
        scanner.scan("the payment source's toString", request.source());
        scanner.scan("the result's toString", result);
        result.maskedResponseBody().ifPresent(b -> scanner.scan("the masked response body", b));
        result.responseMessage().ifPresent(m -> scanner.scan("the response message", m));
        result.errors().forEach(e -> scanner.scan("a gateway error", e));
        scanner.scan("the references", result.references());
        scanner.scan("the token ids", result.tokenIds());
        result.card().ifPresent(c -> scanner.scan("the card summary", c));
        result.reconciliation().ifPresent(r -> scanner.scan("the reconciliation", r));
    }

    public static void scan(CanaryScanner scanner, StatusResult status) {
        scanner.scan("a status result", status);
        scanner.scan("a status result's masked body", status.maskedResponseBody());
    }
}
