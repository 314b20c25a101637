package io.orderhub.money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * An exact amount in a currency, held at the currency's scale (EUR 12.50, JPY 1200, KWD 1.250). Amounts
 * with more fraction digits than the currency has are refused, never rounded: a channel sending
 * 12.505 EUR has a bug, and guessing would make the hub's books differ from the shop's.
 */
public record Money(BigDecimal amount, CurrencyCode currency) implements Comparable<Money> {

    /**
     * Every amount a channel sends is below this, in any currency: ten trillion, large enough for a B2B
     * order in VND or IDR. {@link #problemWith} checks it before any arithmetic, so an amount and a
     * hundred of them summed (what an order was paid, refunded) still fit the hub's numeric(19,4).
     */
    public static final BigDecimal LIMIT = BigDecimal.TEN.pow(13);

    /** What numeric(19,4) holds: no amount or sum the hub stores reaches this. */
    private static final BigDecimal STORED_LIMIT = BigDecimal.TEN.pow(15);

    public Money {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        if (amount.abs().compareTo(STORED_LIMIT) >= 0) {
            // Before setScale: 1e999999999 rescaled would be a billion-digit number (compareTo is not).
            throw new MoneyException("is larger than the hub can store (below " + STORED_LIMIT.toPlainString() + ")");
        }
        amount = rescale(amount, currency);
    }

    /** Parses an amount as a channel sent it; {@link MoneyException} says what is wrong. */
    public static Money of(BigDecimal amount, CurrencyCode currency) {
        return new Money(amount, currency);
    }

    public static Money of(String amount, String currency) {
        return new Money(new BigDecimal(amount), CurrencyCode.of(currency));
    }

    public static Money zero(CurrencyCode currency) {
        return new Money(BigDecimal.ZERO, currency);
    }

    /** From the smallest unit (cents), as Stripe counts. */
    public static Money ofMinorUnits(long minor, CurrencyCode currency) {
        return new Money(BigDecimal.valueOf(minor, currency.fractionDigits()), currency);
    }

    /** In the smallest unit (cents), as Stripe counts. */
    public long toMinorUnits() {
        return amount.movePointRight(currency.fractionDigits()).longValueExact();
    }

    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(amount.add(other.amount), currency);
    }

    public Money minus(Money other) {
        requireSameCurrency(other);
        return new Money(amount.subtract(other.amount), currency);
    }

    public boolean isNegative() {
        return amount.signum() < 0;
    }

    public boolean isZero() {
        return amount.signum() == 0;
    }

    public boolean isPositive() {
        return amount.signum() > 0;
    }

    public Money max(Money other) {
        return compareTo(other) >= 0 ? this : other;
    }

    public Money min(Money other) {
        return compareTo(other) <= 0 ? this : other;
    }

    @Override
    public int compareTo(Money other) {
        requireSameCurrency(other);
        return amount.compareTo(other.amount);
    }

    /** Whether an amount fits the currency: a problem message naming what is wrong, or null. */
    public static String problemWith(BigDecimal amount, CurrencyCode currency) {
        if (amount.signum() < 0) {
            return "must not be negative";
        }
        if (amount.compareTo(LIMIT) >= 0) {
            return "must be below " + LIMIT.toPlainString();
        }
        if (amount.stripTrailingZeros().scale() > currency.fractionDigits()) {
            return "has more than " + currency.fractionDigits() + " fraction digits for " + currency.code();
        }
        return null;
    }

    private static BigDecimal rescale(BigDecimal amount, CurrencyCode currency) {
        try {
            return amount.setScale(currency.fractionDigits(), RoundingMode.UNNECESSARY);
        } catch (ArithmeticException e) {
            // toString, not toPlainString: 1e-999999999 in plain form is a billion characters.
            throw new MoneyException(
                    amount + " has more than " + currency.fractionDigits() + " fraction digits for " + currency.code());
        }
    }

    private void requireSameCurrency(Money other) {
        if (!currency.equals(other.currency)) {
            throw new MoneyException("Cannot combine " + currency + " and " + other.currency);
        }
    }

    @Override
    public String toString() {
        return amount.toPlainString() + " " + currency;
    }
}
