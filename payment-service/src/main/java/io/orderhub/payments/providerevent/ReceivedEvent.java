package io.orderhub.payments.providerevent;

import java.time.Instant;
import java.util.UUID;

/**
 * A provider event as the hub received and handled it: {@code outcome} is {@code applied}, {@code ignored},
 * {@code unmatched} (or {@code received} while it is being handled); {@code duplicates} counts the provider's
 * retries of it. Every one was verified by webhook-gateway before it was published: unverified ones never
 * reach the hub.
 */
public record ReceivedEvent(
        String provider,
        String providerEventId,
        UUID eventId,
        String type,
        String providerReference,
        UUID paymentId,
        String outcome,
        String detail,
        Instant occurredAt,
        Instant receivedAt,
        Instant handledAt,
        int duplicates) {}
