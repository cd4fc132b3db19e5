package org.standalonecredit.commercehub;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Jazzer fuzz tests of every Commerce Hub answer parser (FUZZING.md). Without JAZZER_FUZZ they run each
 * input of {@code src/test/resources/org/standalonecredit/commercehub/CommerceHubAnswersFuzzTestInputs/<method>/}
 * once (regression mode); with JAZZER_FUZZ=1 and -Dtest=CommerceHubAnswersFuzzTest#method, Jazzer mutates
 * them for maxDuration. An input is a bare HTTP answer: status line, optional headers, empty line, body.
 */
class CommerceHubAnswersFuzzTest {
    /** POST /payments/v1/credits: CommerceHubOutcomes, CommerceHubResponses, Verdict, and the masking. */
    @FuzzTest(maxDuration = "15s")
    void creditAnswer(byte[] input) {
        CommerceHubAnswerTargets.credit(input);
    }

    /** POST /security/v1/keys/generate: EncryptionKeys and EncryptionKey's key decoding. */
    @FuzzTest(maxDuration = "15s")
    void encryptionKeyAnswer(byte[] input) {
        CommerceHubAnswerTargets.encryptionKey(input);
    }

    /** POST /payments/v1/cancels: CommerceHubOutcomes.voided. */
    @FuzzTest(maxDuration = "15s")
    void voidAnswer(byte[] input) {
        CommerceHubAnswerTargets.voidCredit(input);
    }

    /** POST /payments/v1/transaction-inquiry: CommerceHubOutcomes.inquired. */
    @FuzzTest(maxDuration = "15s")
    void inquiryAnswer(byte[] input) {
        CommerceHubAnswerTargets.inquiry(input);
    }

    /** The inquiry before re-sending a credit after the replay window: CommerceHubOutcomes.entries and CommerceHubOutcomes.fromInquiry. */
    @FuzzTest(maxDuration = "15s")
    void resubmissionInquiryAnswer(byte[] input) {
        CommerceHubAnswerTargets.resubmissionInquiry(input);
    }
}
