package io.orderhub.orders.order;

import io.orderhub.money.CurrencyCode;
import java.math.BigDecimal;
import java.util.Objects;
import java.util.UUID;

/**
 * The latest snapshot of one payment of an order, as payment events report it. {@code refundedAmount}
 * is confirmed refunds plus a lost dispute; {@code version} is the payment's own version.
 */
public record OrderPayment(
        UUID paymentId,
        String provider,
        PaymentStatus status,
        BigDecimal amount,
        String currency,
        BigDecimal refundedAmount,
        long version) {

    public OrderPayment {
        Objects.requireNonNull(paymentId, "paymentId");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(refundedAmount, "refundedAmount");
    }

    /** Money in another currency than the order's is recorded but does not pay for it. */
    boolean countsFor(CurrencyCode orderCurrency) {
        return currency.equals(orderCurrency.code());
    }

    /** Whether the order's payment summary would show a difference; the payment's version alone is none. */
    boolean sameSummaryAs(OrderPayment other) {
        return provider.equals(other.provider)
                && status == other.status
                && amount.compareTo(other.amount) == 0
                && currency.equals(other.currency)
                && refundedAmount.compareTo(other.refundedAmount) == 0;
    }
}
