package io.orderhub.webhooks.intake;

import java.util.Objects;
import java.util.UUID;

/**
 * What became of a verified webhook: published (with the hub's event id) or ignored because the hub does
 * not use its type. Both are answered 200.
 */
public record WebhookOutcome(Status status, String providerEventId, UUID eventId) {

    public enum Status {
        PUBLISHED,
        IGNORED
    }

    public WebhookOutcome {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(providerEventId, "providerEventId");
        if ((status == Status.PUBLISHED) != (eventId != null)) {
            throw new IllegalArgumentException("a published event has an event id, an ignored one none");
        }
    }

    public static WebhookOutcome published(String providerEventId, UUID eventId) {
        return new WebhookOutcome(Status.PUBLISHED, providerEventId, Objects.requireNonNull(eventId, "eventId"));
    }

    public static WebhookOutcome ignored(String providerEventId) {
        return new WebhookOutcome(Status.IGNORED, providerEventId, null);
    }
}
