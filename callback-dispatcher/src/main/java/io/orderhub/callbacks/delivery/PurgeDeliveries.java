package io.orderhub.callbacks.delivery;

import java.time.Instant;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Deletes one batch of finished deliveries (delivered, dead-lettered, superseded, skipped) last changed
 * before a point in time, with their attempts, in one short transaction. Open deliveries (pending, failed,
 * on the wire) are never deleted, however old. {@link DeliveryPurge} repeats it until a batch comes back
 * short.
 */
@Service
class PurgeDeliveries {

    private final DeliveryRepository deliveries;

    PurgeDeliveries(DeliveryRepository deliveries) {
        this.deliveries = deliveries;
    }

    @Transactional
    DeliveryRepository.Purged batch(Instant before, int limit) {
        return deliveries.deleteFinished(before, limit);
    }
}
