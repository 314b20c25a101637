package io.orderhub.callbacks.delivery;

import io.orderhub.callbacks.sending.SendResult;
import java.time.Instant;
import java.util.UUID;

/**
 * One callback to a channel: an order version, or an invoice document. Immutable: each state change answers
 * the next state and raises {@link #version()}, and only the moves {@link DeliveryStatus} allows are possible.
 *
 * @param eventId the order or invoice event whose content this carries
 * @param orderVersion the order version it carries; 0 for an invoice delivery (not a state of the order)
 * @param kind how it is ordered: an order change (superseded by newer ones) or an invoice document (never)
 * @param invoiceId the invoice an invoice delivery is about, else null
 * @param channel the order's source
 * @param endpoint the endpoint name the channel maps to
 * @param payload the hub-format body, rendered once, so every attempt sends the same bytes
 * @param attempts attempts made (a claim counts one)
 * @param version the delivery's own version
 * @param replayOf the delivery a replay was asked for, or null
 * @param occurredAt when the order change happened or the document was issued
 */
public record Delivery(
        UUID id,
        UUID eventId,
        UUID orderId,
        long orderVersion,
        DeliveryKind kind,
        UUID invoiceId,
        String channel,
        String endpoint,
        String type,
        String payload,
        DeliveryStatus status,
        int attempts,
        Instant nextAttemptAt,
        Integer lastResponseCode,
        String lastResponseExcerpt,
        Long lastLatencyMs,
        String lastError,
        long version,
        UUID replayOf,
        Instant occurredAt,
        Instant createdAt,
        Instant updatedAt,
        Instant deliveredAt) {

    /** A new delivery of an order's state: pending and due now. */
    static Delivery pending(UUID id, OrderChange change, String endpoint, UUID replayOf, Instant now) {
        return opened(id, change, endpoint, DeliveryStatus.PENDING, null, replayOf, now);
    }

    /** A delivery recorded without being sent: skipped (no endpoint) or superseded on arrival. */
    static Delivery closed(
            UUID id, OrderChange change, String endpoint, DeliveryStatus status, String reason, Instant now) {
        return opened(id, change, endpoint, status, reason, null, now);
    }

    private static Delivery opened(
            UUID id,
            OrderChange change,
            String endpoint,
            DeliveryStatus status,
            String reason,
            UUID replayOf,
            Instant now) {
        return new Delivery(
                id,
                change.eventId(),
                change.orderId(),
                change.version(),
                DeliveryKind.ORDER,
                null,
                change.channel(),
                endpoint,
                change.type(),
                change.payload(),
                status,
                0,
                status == DeliveryStatus.PENDING ? now : null,
                null,
                null,
                null,
                reason,
                1,
                replayOf,
                change.occurredAt(),
                now,
                now,
                null);
    }

    /**
     * A delivery of an invoice document: pending and due now, or (with a reason) recorded as skipped. Its order
     * version is 0: a document is not a state of the order.
     */
    static Delivery ofInvoice(
            UUID id, InvoiceNotice notice, String endpoint, DeliveryStatus status, String reason, Instant now) {
        return new Delivery(
                id,
                notice.eventId(),
                notice.orderId(),
                0,
                DeliveryKind.INVOICE,
                notice.invoiceId(),
                notice.channel(),
                endpoint,
                notice.type(),
                notice.payload(),
                status,
                0,
                status == DeliveryStatus.PENDING ? now : null,
                null,
                null,
                null,
                reason,
                1,
                null,
                notice.occurredAt(),
                now,
                now,
                null);
    }

    /** The same invoice document once more: its own body, a new id (so a new {@code webhook-id}), due now. */
    Delivery replayedAs(UUID newId, String toEndpoint, Instant now) {
        if (kind != DeliveryKind.INVOICE) {
            throw new IllegalStateException("An order change is replayed with the order's latest state");
        }
        return new Delivery(
                newId,
                eventId,
                orderId,
                orderVersion,
                kind,
                invoiceId,
                channel,
                toEndpoint,
                type,
                payload,
                DeliveryStatus.PENDING,
                0,
                now,
                null,
                null,
                null,
                null,
                1,
                id,
                occurredAt,
                now,
                now,
                null);
    }

    Delivery delivered(SendResult result, Instant now) {
        return next(DeliveryStatus.DELIVERED, result, null, now, now);
    }

    Delivery failed(SendResult result, Instant nextAttemptAt, Instant now) {
        return next(DeliveryStatus.FAILED, result, nextAttemptAt, now, null);
    }

    Delivery deadLettered(SendResult result, Instant now) {
        return next(DeliveryStatus.DEAD_LETTERED, result, null, now, null);
    }

    /** Superseded after an attempt failed (the result is kept) or while waiting (result null). */
    Delivery superseded(SendResult result, Instant now) {
        return next(DeliveryStatus.SUPERSEDED, result, null, now, null);
    }

    private Delivery next(
            DeliveryStatus nextStatus, SendResult result, Instant nextAttempt, Instant now, Instant delivered) {
        if (!status.canMoveTo(nextStatus)) {
            throw new IllegalStateException("Delivery " + id + " cannot move from " + status + " to " + nextStatus);
        }
        return new Delivery(
                id,
                eventId,
                orderId,
                orderVersion,
                kind,
                invoiceId,
                channel,
                endpoint,
                type,
                payload,
                nextStatus,
                attempts,
                nextAttempt,
                result == null ? lastResponseCode : result.responseCode(),
                result == null ? lastResponseExcerpt : result.responseExcerpt(),
                result == null ? lastLatencyMs : Long.valueOf(result.latencyMs()),
                result == null ? lastError : result.error(),
                version + 1,
                replayOf,
                occurredAt,
                createdAt,
                now,
                delivered);
    }
}
