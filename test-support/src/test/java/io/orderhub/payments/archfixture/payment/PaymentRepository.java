package io.orderhub.payments.archfixture.payment;

import io.orderhub.payments.archfixture.refund.Refunds;

public class PaymentRepository {
    Refunds refunds;
}
