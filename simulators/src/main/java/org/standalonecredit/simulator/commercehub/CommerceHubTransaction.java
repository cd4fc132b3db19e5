package org.standalonecredit.simulator.commercehub;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A Commerce Hub transaction the simulator answered (credit, refund, decline or cancel), kept for cancels and
 * transaction inquiry. {@code state} is guarded by the owning {@link TransactionStore}.
 */
final class CommerceHubTransaction {
    final String transactionId;
    final String orderId;
    final String clientRequestId;
    final String merchantTransactionId;
    final String merchantOrderId;
    final String type;
    final ObjectNode answer;
    String state;

    CommerceHubTransaction(String transactionId, String orderId, String clientRequestId, String merchantTransactionId,
                  String merchantOrderId, String type, String state, ObjectNode answer) {
        this.transactionId = transactionId;
        this.orderId = orderId;
        this.clientRequestId = clientRequestId;
        this.merchantTransactionId = merchantTransactionId;
        this.merchantOrderId = merchantOrderId;
        this.type = type;
        this.state = state;
        this.answer = answer;
    }

    boolean isCredit() {
        return type.equals("CREDIT") || type.equals("REFUND");
    }

    boolean cancellable() {
        return isCredit() && (state.equals("AUTHORIZED") || state.equals("CAPTURED") || state.equals("PENDING"));
    }

    /** The original answer with the current state. */
    ObjectNode snapshot() {
        ObjectNode copy = answer.deepCopy();
        ((ObjectNode) copy.get("gatewayResponse")).put("transactionState", state);
        return copy;
    }
}
