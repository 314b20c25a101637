package io.orderhub.orders.order;

import io.orderhub.money.Money;

/** An order's amounts as the channel gave them (or as computed from its items); all in the order's currency. */
public record Totals(Money subtotal, Money taxTotal, Money shippingTotal, Money discountTotal, Money grandTotal) {}
