package io.orderhub.webhooks.intake;

import io.orderhub.events.Provider;
import io.orderhub.events.ProviderEventType;
import java.time.Instant;
import java.util.Objects;

/**
 * A provider event whose signature was verified and whose type the hub applies: what becomes one
 * {@code ProviderEvent} on {@code orderhub.provider-events.v1}.
 *
 * @param providerEventId Stripe {@code evt_...}, BTCPay {@code originalDeliveryId}: the consumers' dedupe key
 * @param providerEventType the provider's own type string
 * @param reference the provider object the event is about (PaymentIntent, invoice, pull payment): the Kafka
 *     key, so one payment's events stay in order
 * @param payload the verified body, exactly as signed
 */
public record VerifiedEvent(
        Provider provider,
        String providerEventId,
        String providerEventType,
        ProviderEventType type,
        String reference,
        Instant occurredAt,
        Instant receivedAt,
        String payload) {

    public VerifiedEvent {
        Objects.requireNonNull(provider, "provider");
        requireText(providerEventId, "providerEventId");
        requireText(providerEventType, "providerEventType");
        Objects.requireNonNull(type, "type");
        requireText(reference, "reference");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(payload, "payload");
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }
}
