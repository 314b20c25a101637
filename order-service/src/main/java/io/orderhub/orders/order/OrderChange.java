package io.orderhub.orders.order;

/**
 * One change to an order: it gets the order's next version, one event on {@code orderhub.order-events.v1}
 * and, when the status changed, one history row. {@link #state()} is the order right after it.
 */
public sealed interface OrderChange permits OrderPlaced, OrderImported, OrderStatusChanged, OrderPaymentUpdated {

    OrderState state();

    /** An API key's name, {@code payments} or {@code system}. */
    String actor();
}
