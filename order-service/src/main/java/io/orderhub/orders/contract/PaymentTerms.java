package io.orderhub.orders.contract;

import java.math.BigDecimal;

/**
 * When an invoice is due ({@code netDays} after it is issued) and, optionally, the early-payment discount:
 * {@code discountPercent} off when paid within {@code discountDays}. Both discount fields or neither.
 */
public record PaymentTerms(int netDays, BigDecimal discountPercent, Integer discountDays) {}
