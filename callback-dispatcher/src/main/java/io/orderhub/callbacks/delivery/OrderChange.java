package io.orderhub.callbacks.delivery;

import java.time.Instant;
import java.util.UUID;

/** An order's state after one change, as the channel is told about it. */
record OrderChange(
        UUID eventId, UUID orderId, long version, String channel, String type, String payload, Instant occurredAt) {}
