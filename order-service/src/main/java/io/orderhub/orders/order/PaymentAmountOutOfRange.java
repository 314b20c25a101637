package io.orderhub.orders.order;

import java.util.UUID;

/**
 * A payment event the order can never take as it stands: with it, what the order received or had refunded
 * would be more than the hub stores (numeric(19,4)), or its amount has more fraction digits than the order's
 * currency. Retrying cannot help, so it is a permanent failure: an {@link ArithmeticException}, which the
 * consumers' error handling sends where permanent failures go instead of retrying it and blocking the
 * partition. The message names ids and amounts only.
 */
public class PaymentAmountOutOfRange extends ArithmeticException {

    public PaymentAmountOutOfRange(OrderId orderId, UUID paymentId, String problem) {
        super("Payment " + paymentId + " cannot be counted for order " + orderId + ": " + problem);
    }
}
