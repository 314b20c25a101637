package io.orderhub.orders.order;

/** The status moved, asked for by a channel or following from a payment ({@code causingPayment}, else null). */
public record OrderStatusChanged(
        OrderStatus from, OrderStatus to, String reason, String actor, OrderPayment causingPayment, OrderState state)
        implements OrderChange {}
