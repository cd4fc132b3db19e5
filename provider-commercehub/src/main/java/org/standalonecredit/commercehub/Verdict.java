package org.standalonecredit.commercehub;

import java.util.Set;

/**
 * What a readable Commerce Hub transaction says happened. Approval needs an approving state and an
 * approving processor answer; any decline signal without an approval signal is a decline; signals
 * that contradict each other, or none at all, leave the outcome unclear (the caller must reconcile).
 */
enum Verdict {
    APPROVED, PENDING, DECLINED, INVALID, UNCLEAR;

    /** States of an approved credit as the credit call answers it. */
    static final Set<String> CREDIT_APPROVED_STATES = Set.of("AUTHORIZED", "CAPTURED");
    /** States an approved credit may have later, as a transaction inquiry reports it. */
    static final Set<String> VOIDED_STATES = Set.of("VOIDED", "CANCELLED", "CANCELED");
    private static final Set<String> DECLINING_APPROVALS = Set.of("DECLINED", "PROCESSING_FAILED", "VALIDATION_FAILED");
    private static final String APPROVED_RESPONSE_CODE = "000";

    static Verdict of(CommerceHubResponses a, Set<String> approvedStates) {
        String state = a.transactionState();
        String approval = a.approvalStatus();
        String code = a.responseCode();
        boolean declineSignal = !a.errors().isEmpty() || "DECLINED".equals(state)
                || (approval != null && DECLINING_APPROVALS.contains(approval))
                || (code != null && !APPROVED_RESPONSE_CODE.equals(code) && !"WAITING".equals(approval));
        boolean processorApproved = "APPROVED".equals(approval) || APPROVED_RESPONSE_CODE.equals(code);
        boolean approveSignal = processorApproved || (state != null && approvedStates.contains(state));
        if (declineSignal) {
            if (approveSignal) {
                return UNCLEAR;
            }
            return "VALIDATION_FAILED".equals(approval) ? INVALID : DECLINED;
        }
        if ("PENDING".equals(state) || "WAITING".equals(approval)) {
            return PENDING;
        }
        if (state != null && approvedStates.contains(state) && processorApproved) {
            return APPROVED;
        }
        return UNCLEAR;
    }
}
