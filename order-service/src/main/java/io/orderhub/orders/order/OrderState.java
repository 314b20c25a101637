package io.orderhub.orders.order;

import io.orderhub.money.CurrencyCode;
import io.orderhub.money.Money;
import io.orderhub.orders.customer.Customer;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * An order as it stands at one version: everything a response or an event snapshot shows. Immutable; the
 * {@link Order} aggregate moves from one state to the next. {@code customerId} is the channel's own
 * customer id, {@code customer} the hub's customer record; {@code payments} are ordered by payment id
 * (time-ordered, so oldest first); {@code onAccount} is the contract of an order on account, else null.
 */
public record OrderState(
        OrderId id,
        String source,
        String sourceOrderId,
        String customerId,
        Customer customer,
        OrderStatus status,
        long version,
        CurrencyCode currency,
        Totals totals,
        Money paidAmount,
        Money refundedAmount,
        List<OrderItem> items,
        List<OrderPayment> payments,
        String metadataJson,
        Instant createdAt,
        Instant updatedAt,
        OnAccount onAccount) {

    public OrderState {
        items = List.copyOf(items);
        payments = List.copyOf(payments);
    }

    /**
     * More money received than the grand total, net of refunds. Channels never record more than is open, so
     * only a provider's own report (a PaymentIntent or invoice that succeeded after other money paid the order)
     * does this: the money is real, so it is counted and the order flagged, for a human to refund the excess.
     */
    public boolean overpaid() {
        return paidAmount.minus(refundedAmount).compareTo(owed()) > 0;
    }

    /** What credit notes of an order on account's invoice took back; 0 for any other order. */
    public Money creditedAmount() {
        return onAccount == null ? Money.zero(currency) : onAccount.credited();
    }

    /** What the buyer owes before payments: the grand total less what credit notes took back. */
    Money owed() {
        return totals.grandTotal().minus(creditedAmount());
    }

    /** The same order with what its invoice's credit notes took back; neither version nor time moves. */
    OrderState withCredited(Money credited) {
        return new OrderState(
                id,
                source,
                sourceOrderId,
                customerId,
                customer,
                status,
                version,
                currency,
                totals,
                paidAmount,
                refundedAmount,
                items,
                payments,
                metadataJson,
                createdAt,
                updatedAt,
                onAccount.withCredited(credited));
    }

    Optional<OrderPayment> payment(UUID paymentId) {
        return payments.stream().filter(p -> p.paymentId().equals(paymentId)).findFirst();
    }

    OrderState withStatus(OrderStatus newStatus, Instant at) {
        return new OrderState(
                id,
                source,
                sourceOrderId,
                customerId,
                customer,
                newStatus,
                version + 1,
                currency,
                totals,
                paidAmount,
                refundedAmount,
                items,
                payments,
                metadataJson,
                createdAt,
                at,
                onAccount);
    }

    /** New payment snapshots and the amounts derived from them; {@code nextVersion} false keeps the version. */
    OrderState withPayments(
            List<OrderPayment> newPayments, Money paid, Money refunded, boolean nextVersion, Instant at) {
        return new OrderState(
                id,
                source,
                sourceOrderId,
                customerId,
                customer,
                status,
                nextVersion ? version + 1 : version,
                currency,
                totals,
                paid,
                refunded,
                items,
                newPayments,
                metadataJson,
                createdAt,
                nextVersion ? at : updatedAt,
                onAccount);
    }
}
