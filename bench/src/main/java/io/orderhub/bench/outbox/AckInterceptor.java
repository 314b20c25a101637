package io.orderhub.bench.outbox;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerInterceptor;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * Installed in the relay's producer through configuration ({@code interceptor.classes}): Kafka calls
 * {@link #onAcknowledgement} on the producer's I/O thread the moment the broker's response for a record
 * arrives, before any send callback or future completes. The relay's {@code id} header names the event.
 */
public class AckInterceptor implements ProducerInterceptor<String, byte[]> {

    private final AckTracker tracker = AckTracker.INSTANCE;

    public AckInterceptor() {}

    @Override
    public ProducerRecord<String, byte[]> onSend(ProducerRecord<String, byte[]> record) {
        return record;
    }

    @Override
    public void onAcknowledgement(RecordMetadata metadata, Exception exception, Headers headers) {
        long now = System.nanoTime();
        if (exception != null) {
            tracker.failed();
            return;
        }
        Header id = headers == null ? null : headers.lastHeader("id");
        if (id != null) {
            tracker.acknowledged(UUID.fromString(new String(id.value(), StandardCharsets.UTF_8)), now);
        }
    }

    @Override
    public void onAcknowledgement(RecordMetadata metadata, Exception exception) {
        // Kafka 4 calls the variant with headers; this one only satisfies older callers.
    }

    @Override
    public void close() {}

    @Override
    public void configure(Map<String, ?> configs) {}
}
