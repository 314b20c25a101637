package io.orderhub.webhooks;

import io.orderhub.events.ProviderEvent;
import io.orderhub.schemas.EventTopic;
import io.orderhub.schemas.serde.AvroDeserializer;
import io.orderhub.schemas.serde.AvroSerdeConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Everything on {@code orderhub.provider-events.v1} up to its current end. The gateway answers 200 only
 * after Kafka acknowledged an event, so once an answer arrived this snapshot holds exactly what was
 * published — which lets a test state "published once" and "nothing published" without waiting for a
 * time to pass.
 */
public final class PublishedEvents {

    private static final String TOPIC = EventTopic.PROVIDER_EVENTS.topicName();

    private PublishedEvents() {}

    public static List<ConsumerRecord<String, ProviderEvent>> snapshot(String bootstrapServers) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false,
                AvroSerdeConfig.SCHEMA_REGISTRY_URL,
                "mock://");
        AvroDeserializer values = new AvroDeserializer();
        values.configure(config, false);
        try (KafkaConsumer<String, SpecificRecord> consumer =
                new KafkaConsumer<>(config, new StringDeserializer(), values)) {
            List<TopicPartition> partitions = consumer.partitionsFor(TOPIC, Duration.ofSeconds(30)).stream()
                    .map(partition -> new TopicPartition(TOPIC, partition.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            List<ConsumerRecord<String, ProviderEvent>> records = new ArrayList<>();
            Instant deadline = Instant.now().plusSeconds(60);
            while (!partitions.stream().allMatch(p -> consumer.position(p) >= end.get(p))) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("Could not read " + TOPIC + " to its end " + end);
                }
                for (ConsumerRecord<String, SpecificRecord> record : consumer.poll(Duration.ofMillis(200))) {
                    records.add(new ConsumerRecord<>(
                            record.topic(), record.partition(), record.offset(), record.key(), (ProviderEvent)
                                    record.value()));
                }
            }
            return records;
        }
    }

    /** The published events with that provider event id. */
    public static List<ConsumerRecord<String, ProviderEvent>> withProviderEventId(
            String bootstrapServers, String providerEventId) {
        return snapshot(bootstrapServers).stream()
                .filter(record -> record.value().getProviderEventId().equals(providerEventId))
                .toList();
    }
}
