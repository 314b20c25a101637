package io.orderhub.webhooks.intake;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.orderhub.events.Provider;
import io.orderhub.events.ProviderEventType;
import java.time.Duration;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * The gateway's meters, all under {@code orderhub.webhooks}: every webhook is received; then rejected (by
 * reason) or verified; a verified one is ignored or published; publishing is timed until Kafka's
 * acknowledgement. Tags stay bounded: provider, reason, and the hub's own event type enum.
 */
@Component
public class WebhookMetrics {

    static final String RECEIVED = "orderhub.webhooks.received";
    static final String VERIFIED = "orderhub.webhooks.verified";
    static final String REJECTED = "orderhub.webhooks.rejected";
    static final String IGNORED = "orderhub.webhooks.ignored";
    static final String PUBLISHED = "orderhub.webhooks.published";
    static final String PUBLISH_FAILURES = "orderhub.webhooks.publish.failures";
    static final String PUBLISH_LATENCY = "orderhub.webhooks.publish.latency";

    private final MeterRegistry registry;

    WebhookMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void received(Provider provider) {
        counter(RECEIVED, provider).increment();
    }

    public void verified(Provider provider) {
        counter(VERIFIED, provider).increment();
    }

    public void rejected(Provider provider, Rejection reason) {
        Counter.builder(REJECTED)
                .description("Webhooks refused before publishing, by reason")
                .tag("provider", tag(provider))
                .tag("reason", reason.tag())
                .register(registry)
                .increment();
    }

    public void ignored(Provider provider) {
        counter(IGNORED, provider).increment();
    }

    void published(Provider provider, ProviderEventType type, Duration latency) {
        Counter.builder(PUBLISHED)
                .tag("provider", tag(provider))
                .tag("type", type.name())
                .register(registry)
                .increment();
        latency(provider, "acknowledged").record(latency);
    }

    void publishFailed(Provider provider, Duration latency) {
        counter(PUBLISH_FAILURES, provider).increment();
        latency(provider, "failed").record(latency);
    }

    private Counter counter(String name, Provider provider) {
        return Counter.builder(name).tag("provider", tag(provider)).register(registry);
    }

    private Timer latency(Provider provider, String outcome) {
        return Timer.builder(PUBLISH_LATENCY)
                .description("From handing the event to the producer until Kafka acknowledged it (or gave up)")
                .tag("provider", tag(provider))
                .tag("outcome", outcome)
                .publishPercentileHistogram()
                .register(registry);
    }

    private static String tag(Provider provider) {
        return provider.name().toLowerCase(Locale.ROOT);
    }
}
