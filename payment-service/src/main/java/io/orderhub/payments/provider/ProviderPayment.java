package io.orderhub.payments.provider;

import io.orderhub.payments.payment.PaymentStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * One payment as its provider's books list it, in the hub's terms: {@code status} mapped the way its webhooks
 * are, {@code providerStatus} as the provider names it, the amount in the currency's major unit, and what the
 * provider refunded of it ({@code refunded}; null when the provider's list does not say). {@code hubPaymentId} is
 * the hub's id the provider echoes from the metadata the hub created it with; null for a payment made without the
 * hub. {@code refunds}: the refunds behind {@code refunded}, where the provider's books list them one by one
 * (BTCPay); empty otherwise.
 */
public record ProviderPayment(
        String reference,
        String hubPaymentId,
        PaymentStatus status,
        String providerStatus,
        BigDecimal amount,
        String currency,
        BigDecimal refunded,
        Instant createdAt,
        List<ProviderRefund> refunds) {}
