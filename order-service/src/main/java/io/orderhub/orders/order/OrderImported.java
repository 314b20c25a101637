package io.orderhub.orders.order;

/**
 * An order brought over from the old hub with its past: {@link #state()} is where its history ends. Its
 * event is a {@code CREATED} marked {@code imported}, so read models learn it and no channel is called back.
 */
public record OrderImported(OrderState state, String actor) implements OrderChange {}
