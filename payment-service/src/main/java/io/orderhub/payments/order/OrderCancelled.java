package io.orderhub.payments.order;

import java.util.UUID;

/** Published (in the transaction that saw it) when the read model sees an order become cancelled. */
public record OrderCancelled(UUID orderId) {}
