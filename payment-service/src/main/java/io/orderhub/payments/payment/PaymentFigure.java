package io.orderhub.payments.payment;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * Published payments created in a window, of one provider in one currency and now in one status: how many and
 * their amounts, in the currency's digits. {@code hour} is the hour (UTC) they were created in when the window
 * is split per hour, else null.
 */
public record PaymentFigure(
        Instant hour, String provider, String currency, String status, long payments, BigDecimal amount) {}
