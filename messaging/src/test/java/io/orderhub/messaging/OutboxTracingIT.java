package io.orderhub.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.orderhub.events.CallbackEvent;
import io.orderhub.schemas.EventTopic;
import io.orderhub.testsupport.OrderhubTestEnvironment;
import io.orderhub.testsupport.TestKafka;
import io.orderhub.testsupport.TopicRecorder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.micrometer.tracing.test.autoconfigure.AutoConfigureTracing;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/** The trace of the transaction that wrote an event travels with it: outbox row, then Kafka header. */
@SpringBootTest
@AutoConfigureTracing
@ContextConfiguration(initializers = OrderhubTestEnvironment.class)
class OutboxTracingIT {

    @Autowired
    Tracer tracer;

    @Autowired
    AppendTestEvent appendTestEvent;

    @Test
    void carriesTheWritersTraceContextIntoTheKafkaRecordsTraceparentHeader() {
        try (TopicRecorder recorder =
                TopicRecorder.record(TestKafka.bootstrapServers(), EventTopic.CALLBACK_EVENTS.topicName())) {
            Span span = tracer.nextSpan().name("place order").start();
            UUID eventId;
            try (Tracer.SpanInScope scope = tracer.withSpan(span)) {
                eventId = appendTestEvent.append(UUID.randomUUID());
            } finally {
                span.end();
            }

            recorder.awaitValues(
                    CallbackEvent.class,
                    events -> events.stream().anyMatch(e -> e.getEventId().equals(eventId)),
                    Duration.ofSeconds(60));
            ConsumerRecord<String, SpecificRecord> record = recorder.records().stream()
                    .filter(r -> ((CallbackEvent) r.value()).getEventId().equals(eventId))
                    .findFirst()
                    .orElseThrow();
            String traceparent =
                    new String(record.headers().lastHeader("traceparent").value(), StandardCharsets.UTF_8);
            assertThat(traceparent)
                    .startsWith("00-" + span.context().traceId() + "-"
                            + span.context().spanId() + "-");
            assertThat(new String(record.headers().lastHeader("id").value(), StandardCharsets.UTF_8))
                    .isEqualTo(eventId.toString());
        }
    }
}
