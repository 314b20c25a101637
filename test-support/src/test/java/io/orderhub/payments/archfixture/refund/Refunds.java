package io.orderhub.payments.archfixture.refund;

import io.orderhub.orders.archfixture.OrderInternals;
import io.orderhub.payments.archfixture.payment.PaymentRepository;

/** Breaks two rules on purpose: a cycle with payment, and a reach into order-service. */
public class Refunds {
    PaymentRepository payments;
    OrderInternals order;
}
