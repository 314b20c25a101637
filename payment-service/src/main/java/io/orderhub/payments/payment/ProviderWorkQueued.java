package io.orderhub.payments.payment;

/**
 * Published when a transaction left work for a provider (cancel a payment, submit a refund, check a late
 * payment): the repair worker starts on it as soon as the transaction commits instead of at its next round.
 */
public record ProviderWorkQueued() {}
