package io.orderhub.callbacks.delivery;

import java.util.UUID;

/** What the deliveries list is narrowed to; null means any. */
public record DeliveryFilter(UUID orderId, DeliveryStatus status, String channel) {}
