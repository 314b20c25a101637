package io.orderhub.payments.provider;

import java.math.BigDecimal;

/**
 * One refund of a payment as its provider's books list it, where they list refunds one by one (BTCPay: a pull
 * payment and its payouts): {@code reference} is the provider's id (the pull payment), {@code hubRefundId} the
 * hub's refund it was made for (null for one made in the provider's own UI), {@code completed} what its completed
 * payouts paid out, in {@code currency} (the pull payment's, which need not be the payment's).
 */
public record ProviderRefund(String reference, String hubRefundId, BigDecimal completed, String currency) {}
