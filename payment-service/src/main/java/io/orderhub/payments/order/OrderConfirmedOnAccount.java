package io.orderhub.payments.order;

import java.util.UUID;

/** Published (in the transaction that saw it) when the read model sees an order on account become confirmed. */
public record OrderConfirmedOnAccount(UUID orderId) {}
