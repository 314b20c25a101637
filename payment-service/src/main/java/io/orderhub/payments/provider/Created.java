package io.orderhub.payments.provider;

import io.orderhub.payments.payment.PaymentStatus;

/** What a provider answered to a creation: its reference, what the customer does next (JSON), the status. */
public record Created(String reference, String nextActionJson, PaymentStatus status) {}
