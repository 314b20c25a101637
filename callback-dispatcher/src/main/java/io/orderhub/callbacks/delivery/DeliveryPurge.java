package io.orderhub.callbacks.delivery;

import io.orderhub.callbacks.CallbackProperties;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Deletes finished deliveries past their retention ({@code CALLBACK_DELIVERY_RETENTION}) with their attempts,
 * a batch per transaction until a batch comes back short; safe on many instances (each batch skips rows
 * another one holds). Run every {@code CALLBACK_DELIVERY_PURGE_INTERVAL} by a {@code PeriodicJob}
 * ({@link DeliveryConfiguration}).
 */
@Component
class DeliveryPurge {

    private static final Logger log = LoggerFactory.getLogger(DeliveryPurge.class);

    private final PurgeDeliveries purgeDeliveries;
    private final DeliveryMetrics metrics;
    private final CallbackProperties properties;
    private final Clock clock;

    DeliveryPurge(
            PurgeDeliveries purgeDeliveries, DeliveryMetrics metrics, CallbackProperties properties, Clock clock) {
        this.purgeDeliveries = purgeDeliveries;
        this.metrics = metrics;
        this.properties = properties;
        this.clock = clock;
    }

    /** One run: every finished delivery last changed before now minus the retention. Answers how many went. */
    int purge() {
        // Fixed for the run, so deliveries finishing meanwhile cannot keep it going.
        Instant before = clock.instant().minus(properties.deliveryRetention());
        int limit = properties.purgeBatchSize();
        int deliveries = 0;
        int attempts = 0;
        try {
            DeliveryRepository.Purged batch;
            do {
                batch = purgeDeliveries.batch(before, limit);
                metrics.purged(batch.deliveries());
                deliveries += batch.deliveries();
                attempts += batch.attempts();
            } while (batch.deliveries() == limit && !Thread.currentThread().isInterrupted());
        } finally {
            // Also when a later batch failed: the earlier ones are committed.
            if (deliveries > 0) {
                log.info(
                        "Purged {} callback deliveries and {} attempts last changed before {}",
                        deliveries,
                        attempts,
                        before);
            }
        }
        return deliveries;
    }
}
