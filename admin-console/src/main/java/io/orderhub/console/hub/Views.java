package io.orderhub.console.hub;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** What the console shows of the services' answers; amounts stay the decimal text the API sent. */
public final class Views {

    private Views() {}

    public record Order(
            UUID id,
            String source,
            String sourceOrderId,
            String status,
            String currency,
            String grandTotal,
            String paidAmount,
            String refundedAmount,
            @Nullable String customerEmail,
            long version,
            @Nullable Instant createdAt,
            @Nullable Instant updatedAt) {}

    /** A status change of an order or a payment, oldest first. */
    public record Change(
            @Nullable String oldStatus,
            String newStatus,
            @Nullable String reason,
            @Nullable String changedBy,
            Instant changedAt,
            long version) {}

    public record Payment(
            UUID id,
            String provider,
            String status,
            String amount,
            String currency,
            String refundedAmount,
            @Nullable String providerReference,
            @Nullable Instant createdAt) {}

    public record Delivery(
            UUID id,
            UUID orderId,
            long orderVersion,
            String channel,
            String type,
            String status,
            int attemptCount,
            @Nullable Integer lastResponseCode,
            @Nullable String lastError,
            @Nullable UUID replayOf,
            Instant createdAt,
            List<Attempt> attempts) {}

    public record Attempt(
            int attempt,
            Instant startedAt,
            @Nullable String url,
            String outcome,
            @Nullable Integer responseCode,
            @Nullable String responseExcerpt,
            @Nullable Long latencyMs,
            @Nullable String error) {}

    /** One page of a list and the cursor of the next, if any. */
    public record Page<T>(List<T> items, @Nullable String nextCursor) {}
}
