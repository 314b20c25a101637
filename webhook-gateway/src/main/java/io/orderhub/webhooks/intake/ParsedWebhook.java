package io.orderhub.webhooks.intake;

import java.util.Objects;
import java.util.Optional;

/**
 * A verified webhook as read: the provider's event id and type, and the event to publish when the hub
 * applies that type (empty: acknowledged and dropped).
 */
public record ParsedWebhook(String providerEventId, String providerEventType, Optional<VerifiedEvent> event) {

    public ParsedWebhook {
        Objects.requireNonNull(providerEventId, "providerEventId");
        Objects.requireNonNull(providerEventType, "providerEventType");
        Objects.requireNonNull(event, "event");
    }

    public static ParsedWebhook relevant(VerifiedEvent event) {
        return new ParsedWebhook(event.providerEventId(), event.providerEventType(), Optional.of(event));
    }

    public static ParsedWebhook ignored(String providerEventId, String providerEventType) {
        return new ParsedWebhook(providerEventId, providerEventType, Optional.empty());
    }
}
