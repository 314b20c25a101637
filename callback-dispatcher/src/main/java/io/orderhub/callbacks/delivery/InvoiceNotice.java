package io.orderhub.callbacks.delivery;

import java.time.Instant;
import java.util.UUID;

/** An invoice document (issued, credit note, reminder) as the channel that owns the invoice is told about it. */
record InvoiceNotice(
        UUID eventId, UUID orderId, UUID invoiceId, String channel, String type, String payload, Instant occurredAt) {}
