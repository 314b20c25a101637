package io.orderhub.payments.provider;

import io.orderhub.payments.payment.RefundStatus;

/** A refund as its provider sees it. */
public record RefundState(String reference, RefundStatus status) {}
