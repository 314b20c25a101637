package io.orderhub.orders.order;

/** A payment of the order changed its summary (status or amounts) without moving the order's status. */
public record OrderPaymentUpdated(OrderPayment causingPayment, OrderState state) implements OrderChange {

    @Override
    public String actor() {
        return Order.PAYMENTS;
    }
}
