package io.orderhub.callbacks.delivery;

import java.time.Instant;
import java.util.UUID;

/** One attempt of a delivery, as logged. */
public record Attempt(
        UUID deliveryId,
        int attempt,
        Instant startedAt,
        String url,
        String outcome,
        Integer responseCode,
        String responseExcerpt,
        long latencyMs,
        String error) {}
