package io.orderhub.orders.order;

/**
 * A channel placed (or imported) the order, in its initial status; {@code reason} says why it did not
 * start as {@code pending} (null when it did).
 */
public record OrderPlaced(OrderState state, String actor, String reason) implements OrderChange {}
