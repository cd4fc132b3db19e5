package org.standalonecredit.sample;

import org.springframework.stereotype.Service;
import org.standalonecredit.api.CreditGateway;
import org.standalonecredit.api.CreditRequest;
import org.standalonecredit.api.CreditResult;
import org.standalonecredit.api.PaymentSource;

/**
 * The application's own code: it knows the neutral API only. Which gateway {@code credit} goes to is the property
 * {@code standalone-credit.gateways.payments.gateway}; the bean is injected as any other.
 */
@Service
public class RefundService {
    private final CreditGateway gateway;

    public RefundService(CreditGateway gateway) {
        this.gateway = gateway;
    }

    /** Credits {@code amount} to {@code source}; the order's reference doubles as the idempotency key, so a retry never credits twice. */
    public CreditResult refund(String orderReference, String amount, String currency, PaymentSource source) {
        CreditRequest request = CreditRequest.builder()
                .amount(amount, currency)
                .source(source)
                .merchantReference(orderReference)
                .transactionId("T-" + orderReference)
                .idempotencyKey("refund-" + orderReference)
                .build();
        return gateway.credit(request);
    }

    public String provider() {
        return gateway.providerId();
    }
}
