package org.standalonecredit.cybersource;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Jazzer fuzz tests of every Cybersource answer parser (FUZZING.md). Without JAZZER_FUZZ they run each
 * input of {@code src/test/resources/org/standalonecredit/cybersource/CybersourceAnswersFuzzTestInputs/<method>/}
 * once (regression mode); with JAZZER_FUZZ=1 and -Dtest=CybersourceAnswersFuzzTest#method, Jazzer mutates
 * them for maxDuration. An input is a bare HTTP answer: status line, optional headers, empty line, body.
 */
class CybersourceAnswersFuzzTest {
    private static final CybersourceAnswerTargets TARGETS = new CybersourceAnswerTargets();

    /** POST /pts/v2/credits: CybersourceOutcomes.credit, CybersourceResponses, JsonReads, and the masking of the answer. */
    @FuzzTest(maxDuration = "15s")
    void creditAnswer(byte[] input) {
        TARGETS.credit(input);
    }

    /** POST /pts/v2/credits/{id}/voids: CybersourceOutcomes.voided. */
    @FuzzTest(maxDuration = "15s")
    void voidAnswer(byte[] input) {
        TARGETS.voidCredit(input);
    }

    /** GET /tss/v2/transactions/{id}: CybersourceOutcomes.status and CybersourceOutcomes.transaction. */
    @FuzzTest(maxDuration = "15s")
    void detailsAnswer(byte[] input) {
        TARGETS.details(input);
    }

    /** POST /tss/v2/searches: CybersourceOutcomes.status over CybersourceResponses.transactionSummaries. */
    @FuzzTest(maxDuration = "15s")
    void searchAnswer(byte[] input) {
        TARGETS.search(input);
    }
}
