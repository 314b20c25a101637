package io.orderhub.payments.payment;

import io.orderhub.events.PaymentEventType;

/** One change of a payment, as its history row and event describe it. */
public record PaymentChange(PaymentEventType type, PaymentStatus previousStatus, String reason) {}
