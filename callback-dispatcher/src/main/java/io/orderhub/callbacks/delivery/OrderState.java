package io.orderhub.callbacks.delivery;

import java.time.Instant;
import java.util.UUID;

/**
 * What the dispatcher holds per order: its latest change (what a replay re-sends), the newest version the
 * channel received, and the delivery on the wire, if any.
 */
record OrderState(
        UUID orderId, OrderChange latest, long deliveredVersion, UUID inflightDeliveryId, Instant inflightUntil) {}
