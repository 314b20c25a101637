package io.orderhub.callbacks.delivery;

import java.time.Instant;

/**
 * How an endpoint answered over the attempts the dispatcher still holds (until deliveries are purged): how
 * many attempts, how many delivered, their latency on average and at the 95th percentile, and the last one.
 */
public record EndpointHealth(
        String endpoint,
        long attempts,
        long delivered,
        long averageLatencyMs,
        long p95LatencyMs,
        Instant lastAttemptAt) {}
