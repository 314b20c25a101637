package io.orderhub.webhooks.intake;

import io.orderhub.events.Provider;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Takes one provider webhook: verifies its signature over the raw body, reads it, and publishes it when
 * the hub applies its type — answering only after Kafka acknowledged it. Types the hub does not use are
 * acknowledged and dropped. Duplicates are published again: consumers deduplicate on the provider's
 * event id.
 */
@Service
public class AcceptWebhook {

    private static final Logger log = LoggerFactory.getLogger(AcceptWebhook.class);

    private final Map<Provider, ProviderWebhook> providers = new EnumMap<>(Provider.class);
    private final PublishProviderEvent publishProviderEvent;
    private final WebhookMetrics metrics;
    private final Clock clock;

    AcceptWebhook(
            List<ProviderWebhook> providers,
            PublishProviderEvent publishProviderEvent,
            WebhookMetrics metrics,
            Clock clock) {
        providers.forEach(provider -> this.providers.put(provider.provider(), provider));
        this.publishProviderEvent = publishProviderEvent;
        this.metrics = metrics;
        this.clock = clock;
    }

    /**
     * @param body the request body exactly as received
     * @param signature the provider's signature header, null when absent
     */
    public record Command(Provider provider, byte[] body, String signature) {
        public Command {
            Objects.requireNonNull(provider, "provider");
            Objects.requireNonNull(body, "body");
        }
    }

    /**
     * @throws WebhookRejected when the webhook cannot be verified or read (nothing is published)
     * @throws BrokerUnavailable when Kafka did not acknowledge the event (the provider must retry)
     */
    public WebhookOutcome accept(Command command) {
        Instant receivedAt = clock.instant();
        ProviderWebhook provider = Objects.requireNonNull(
                providers.get(command.provider()), () -> "No webhook support for " + command.provider());
        if (!provider.configured()) {
            throw new WebhookRejected(
                    command.provider(),
                    Rejection.PROVIDER_NOT_CONFIGURED,
                    "Webhooks of this provider are not configured yet; retry later.");
        }
        String payload = provider.verify(command.body(), command.signature());
        metrics.verified(command.provider());
        ParsedWebhook parsed = provider.read(command.body(), payload, receivedAt);
        if (parsed.event().isEmpty()) {
            metrics.ignored(command.provider());
            log.debug(
                    "Ignored {} event {} of type {}: the hub does not use it",
                    command.provider(),
                    parsed.providerEventId(),
                    parsed.providerEventType());
            return WebhookOutcome.ignored(parsed.providerEventId());
        }
        UUID eventId = publishProviderEvent.publish(parsed.event().get());
        return WebhookOutcome.published(parsed.providerEventId(), eventId);
    }
}
