package io.orderhub.webhooks.intake;

import io.orderhub.events.ProviderEvent;
import io.orderhub.messaging.id.Ids;
import io.orderhub.schemas.EventTopic;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Service;

/**
 * Publishes a verified provider event to {@code orderhub.provider-events.v1} and returns only once Kafka
 * acknowledged it ({@code acks=all}, idempotent producer), so a 200 to the provider means the event is
 * durable. When Kafka does not take it within the producer's delivery timeout, {@link BrokerUnavailable}
 * tells the caller to answer 5xx: the provider keeps the event and retries.
 *
 * <p>The producer gives its verdict within {@code max.block.ms} (inside {@code send}) plus
 * {@code delivery.timeout.ms}; this class waits a little longer than that, so the verdict is the
 * producer's own and an event reported as failed is never still sent afterwards.
 */
@Service
class PublishProviderEvent {

    private static final Logger log = LoggerFactory.getLogger(PublishProviderEvent.class);
    private static final String TOPIC = EventTopic.PROVIDER_EVENTS.topicName();
    private static final Duration MARGIN = Duration.ofSeconds(1);
    /**
     * The gateway's own answer budget. Stripe asks for a prompt answer without documenting a figure, and
     * treats a timeout like a failure; answering within ten seconds leaves room for the proxy in front.
     */
    private static final Duration PROVIDER_PATIENCE = Duration.ofSeconds(10);

    private final KafkaTemplate<String, SpecificRecord> kafka;
    private final WebhookMetrics metrics;
    private final Duration acknowledgementWait;

    PublishProviderEvent(KafkaTemplate<String, SpecificRecord> kafka, WebhookMetrics metrics) {
        this.kafka = kafka;
        this.metrics = metrics;
        Object deliveryTimeout = kafka.getProducerFactory()
                .getConfigurationProperties()
                .getOrDefault(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 120_000);
        this.acknowledgementWait =
                Duration.ofMillis(Long.parseLong(deliveryTimeout.toString())).plus(MARGIN);
        if (acknowledgementWait.compareTo(PROVIDER_PATIENCE) > 0) {
            log.warn(
                    "Kafka delivery.timeout.ms is {} ms: providers may time out before the gateway answers",
                    deliveryTimeout);
        }
    }

    /** Publishes the event and answers the hub's event id once Kafka has acknowledged it. */
    UUID publish(VerifiedEvent event) {
        UUID eventId = Ids.next();
        ProducerRecord<String, SpecificRecord> record =
                new ProducerRecord<>(TOPIC, null, event.reference(), toAvro(eventId, event));
        record.headers().add("id", eventId.toString().getBytes(StandardCharsets.UTF_8));
        record.headers().add("type", event.type().name().getBytes(StandardCharsets.UTF_8));
        long started = System.nanoTime();
        try {
            RecordMetadata acknowledged = kafka.send(record)
                    .get(acknowledgementWait.toMillis(), TimeUnit.MILLISECONDS)
                    .getRecordMetadata();
            metrics.published(event.provider(), event.type(), since(started));
            log.debug(
                    "Published {} event {} ({}) for {} as {} at {}-{}@{}",
                    event.provider(),
                    event.providerEventId(),
                    event.providerEventType(),
                    event.reference(),
                    eventId,
                    acknowledged.topic(),
                    acknowledged.partition(),
                    acknowledged.offset());
            return eventId;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failed(event, started, e);
        } catch (ExecutionException e) {
            throw failed(event, started, e.getCause());
        } catch (TimeoutException | RuntimeException e) {
            // RuntimeException: KafkaTemplate throws what fails inside send() (metadata not available
            // within max.block.ms, serialisation) instead of completing the future.
            throw failed(event, started, e);
        }
    }

    private BrokerUnavailable failed(VerifiedEvent event, long started, Throwable cause) {
        metrics.publishFailed(event.provider(), since(started));
        log.warn(
                "Kafka did not acknowledge {} event {} ({}): answering 503 so the provider retries: {}",
                event.provider(),
                event.providerEventId(),
                event.providerEventType(),
                NestedExceptionUtils.getMostSpecificCause(cause).toString());
        return new BrokerUnavailable(event.provider(), "Kafka did not acknowledge the event", cause);
    }

    private static ProviderEvent toAvro(UUID eventId, VerifiedEvent event) {
        return ProviderEvent.newBuilder()
                .setEventId(eventId)
                .setType(event.type())
                .setOccurredAt(event.occurredAt().truncatedTo(ChronoUnit.MICROS))
                .setReceivedAt(event.receivedAt().truncatedTo(ChronoUnit.MICROS))
                .setProvider(event.provider())
                .setProviderEventId(event.providerEventId())
                .setProviderEventType(event.providerEventType())
                .setProviderReference(event.reference())
                .setPayload(event.payload())
                .build();
    }

    private static Duration since(long startedNanos) {
        return Duration.ofNanos(System.nanoTime() - startedNanos);
    }
}
