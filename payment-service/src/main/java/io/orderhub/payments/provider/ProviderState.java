package io.orderhub.payments.provider;

import io.orderhub.payments.payment.PaymentStatus;

/**
 * A payment as its provider sees it: the status it maps to, its reference, and, when the provider reports
 * something a human must look at (a partial or excess payment), why.
 */
public record ProviderState(PaymentStatus status, String reference, String attention, String detail) {

    public ProviderState(PaymentStatus status, String reference, String detail) {
        this(status, reference, null, detail);
    }
}
