package io.orderhub.payments.payment;

import io.orderhub.money.Money;
import java.math.BigDecimal;

/**
 * What an amount a channel sends must be whatever its currency, checked before anything adds, prints or digests
 * it: above zero, below {@link Money#LIMIT} (so that it, and what an order's payments add up to, fit
 * numeric(19,4)), and with no more fraction digits than any currency has. The currency's own number of fraction
 * digits is checked with {@link Money#problemWith} once the currency is known.
 */
public final class Amounts {

    /** The most any ISO 4217 currency has (CLF, UYW), and what numeric(19,4) keeps. */
    private static final int MOST_FRACTION_DIGITS = 4;

    private Amounts() {}

    /** A problem message naming what is wrong, or null. */
    public static String problemWith(BigDecimal amount) {
        if (amount.signum() <= 0) {
            return "must be greater than zero";
        }
        // compareTo and stripTrailingZeros never expand 1e999999999 or 1e-999999999; toPlainString would.
        if (amount.compareTo(Money.LIMIT) >= 0) {
            return "must be below " + Money.LIMIT.toPlainString();
        }
        if (amount.stripTrailingZeros().scale() > MOST_FRACTION_DIGITS) {
            return "has more than " + MOST_FRACTION_DIGITS + " fraction digits";
        }
        return null;
    }
}
