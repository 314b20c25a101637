package io.orderhub.messaging.deadletter;

import io.micrometer.core.instrument.MeterRegistry;
import io.orderhub.schemas.EventTopic;
import java.nio.charset.StandardCharsets;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;

/**
 * Sends a record its consumer gave up on to the same partition of {@code <topic>.DLT}, then logs it (event
 * id, key, topic, partition, offset, failure — never the payload) and counts it in {@value #METRIC}. When
 * Kafka does not take the dead letter, this throws, and the error handler retries the record instead.
 */
final class DeadLetterPublisher extends DeadLetterPublishingRecoverer {

    /** Dead-lettered records, tagged by original topic; alerted on in infra/prometheus. */
    static final String METRIC = "orderhub.events.dead.lettered";

    private static final Logger log = LoggerFactory.getLogger(DeadLetterPublisher.class);

    private final MeterRegistry meters;

    DeadLetterPublisher(KafkaOperations<Object, Object> template, MeterRegistry meters) {
        super(
                template,
                (record, failure) ->
                        new TopicPartition(DeadLetters.deadLetterTopic(record.topic()), record.partition()));
        this.meters = meters;
        // Exception messages and stack traces can quote the event (a conversion error prints the message,
        // a constraint violation the failing row): the dead letter keeps the classes and a sanitised reason.
        excludeHeader(HeaderNames.HeadersToAdd.EX_MSG, HeaderNames.HeadersToAdd.EX_STACKTRACE);
        addHeadersFunction((record, failure) -> new RecordHeaders()
                .add(DeadLetters.REASON_HEADER, EventFailures.describe(failure).getBytes(StandardCharsets.UTF_8)));
        // Present from the start at zero, so that the first dead letter is an increase a rule can see.
        for (EventTopic topic : EventTopic.values()) {
            meters.counter(METRIC, "topic", topic.topicName());
        }
    }

    @Override
    public void accept(ConsumerRecord<?, ?> record, Consumer<?, ?> consumer, Exception failure) {
        super.accept(record, consumer, failure);
        meters.counter(METRIC, "topic", record.topic()).increment();
        log.error(
                "Dead-lettered event {} (key {}) of {}-{}@{} to {}: {}",
                eventId(record),
                record.key(),
                record.topic(),
                record.partition(),
                record.offset(),
                DeadLetters.deadLetterTopic(record.topic()),
                EventFailures.describe(failure));
    }

    /** Every failed attempt is a WARN, so a partition held up by a transient failure is visible. */
    static void logFailedAttempt(ConsumerRecord<?, ?> record, Exception failure, int attempt) {
        log.warn(
                "Attempt {} at event {} (key {}) of {}-{}@{} failed, {}: {}",
                attempt,
                eventId(record),
                record.key(),
                record.topic(),
                record.partition(),
                record.offset(),
                EventFailures.isPermanent(failure) ? "permanent" : "transient, retrying until it passes",
                EventFailures.describe(failure));
    }

    private static String eventId(ConsumerRecord<?, ?> record) {
        Header header = record.headers().lastHeader(DeadLetters.EVENT_ID_HEADER);
        if (header != null && header.value() != null) {
            return new String(header.value(), StandardCharsets.UTF_8);
        }
        if (record.value() instanceof SpecificRecord event) {
            Schema.Field field = event.getSchema().getField("event_id");
            if (field != null) {
                return String.valueOf(event.get(field.pos()));
            }
        }
        return "without id";
    }
}
