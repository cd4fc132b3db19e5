package org.standalonecredit.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.standalonecredit.api.CardBrand;
import org.standalonecredit.api.CardSummary;
import org.standalonecredit.api.CreditOutcome;
import org.standalonecredit.api.CreditResult;
import org.standalonecredit.api.CreditStatus;
import org.standalonecredit.api.FollowUpOutcome;
import org.standalonecredit.api.StatusResult;

/** What an operator reads never shows a placeholder for a value the gateway did not give ("****null", "ref=null"). */
class ResultPrinterTest {

    private static String printed(java.util.function.Consumer<ResultPrinter> print) {
        StringWriter text = new StringWriter();
        PrintWriter out = new PrintWriter(text);
        print.accept(new ResultPrinter(out, false));
        out.flush();
        return text.toString();
    }

    @Test
    void aCardWithoutDigitsAndACreditWithoutReferenceShowNoNull() {
        CreditResult credit = CreditResult.builder().providerId("cybersource").idempotencyKey("k-1").outcome(CreditOutcome.APPROVED)
                .card(new CardSummary(CardBrand.VISA, "001", null)).build();
        StatusResult status = new StatusResult("cybersource", FollowUpOutcome.DONE, List.of(new CreditStatus("gw-1",
                CreditOutcome.APPROVED, "PENDING", new BigDecimal("10.00"), "USD", null, null, false, null)), 200, List.of(), "{}");

        String text = printed(p -> p.print(credit)) + printed(p -> p.print(status));

        assertFalse(text.contains("null"), text);
        assertTrue(text.contains("VISA (no digits returned)"), text);
    }
}
