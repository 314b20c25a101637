package io.orderhub.messaging.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The relay's meters: events published per topic, the lag from a row's insert to Kafka's
 * acknowledgement, and failed rounds. The backlog gauge is registered by the auto-configuration.
 */
public class OutboxMetrics {

    public static final OutboxMetrics NONE = new OutboxMetrics(null);

    private final MeterRegistry registry;
    private final Map<String, Timer> lagByTopic = new ConcurrentHashMap<>();
    private final Counter failures;

    public OutboxMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.failures = registry == null
                ? null
                : Counter.builder("orderhub.outbox.publish.failures")
                        .description("Relay rounds in which Kafka did not acknowledge every row")
                        .register(registry);
    }

    void published(String topic, OffsetDateTime createdAt) {
        if (registry == null) {
            return;
        }
        Duration lag = Duration.between(createdAt.toInstant(), java.time.Instant.now());
        lagByTopic
                .computeIfAbsent(
                        topic,
                        t -> Timer.builder("orderhub.outbox.lag")
                                .description("From an outbox row's insert to Kafka's acknowledgement of it")
                                .tag("topic", t)
                                .publishPercentiles(0.5, 0.99)
                                .publishPercentileHistogram()
                                .register(registry))
                .record(lag.isNegative() ? Duration.ZERO : lag);
    }

    void failed() {
        if (failures != null) {
            failures.increment();
        }
    }
}
