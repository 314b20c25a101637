package io.orderhub.payments.payment;

import java.util.UUID;

/**
 * The order's event has not reached payment-service within the wait: usually a moment of lag between
 * order-service and this service, so the caller is asked to retry, and the answer is not remembered under
 * its Idempotency-Key (a retry after the event arrives must run). An order id the hub never sees keeps
 * getting this answer.
 */
public class OrderNotYetSeen extends RuntimeException {

    public OrderNotYetSeen(UUID orderId) {
        super("The hub has not seen order " + orderId + " yet; retry in a few seconds");
    }
}
