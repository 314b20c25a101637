package io.orderhub.messaging;

import io.orderhub.events.Provider;
import io.orderhub.events.ProviderEvent;
import io.orderhub.events.ProviderEventType;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** Provider events for the messaging tests' consumers: any Avro event with an id and a key will do. */
final class ProviderEvents {

    private ProviderEvents() {}

    /** A new event (its own id) for the provider reference, carrying the given payload text. */
    static ProviderEvent aProviderEvent(String reference, String payload) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        return ProviderEvent.newBuilder()
                .setEventId(UUID.randomUUID())
                .setType(ProviderEventType.STRIPE_PAYMENT_INTENT_SUCCEEDED)
                .setOccurredAt(now)
                .setReceivedAt(now)
                .setProvider(Provider.STRIPE)
                .setProviderEventId("evt_" + UUID.randomUUID())
                .setProviderEventType("payment_intent.succeeded")
                .setProviderReference(reference)
                .setPayload(payload)
                .build();
    }
}
