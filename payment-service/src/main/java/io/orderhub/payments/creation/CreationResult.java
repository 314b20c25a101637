package io.orderhub.payments.creation;

import io.orderhub.payments.payment.Payment;

/** The payment, and whether this request created it (201) or found and updated it (200). */
public record CreationResult(Payment payment, boolean created) {}
