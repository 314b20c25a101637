package io.orderhub.messaging.deadletter;

import io.orderhub.schemas.serde.AvroSerializer;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.kafka.support.KafkaHeaders;

/**
 * The dead letters this service's consumers left, and their replay. Each consumed topic {@code T} has a
 * dead-letter topic {@code T.DLT} with the same partitions; consumers of several services may share it,
 * so a service sees only the records its own consumer groups dead-lettered. A replay publishes the
 * record's key, value bytes and original headers (the event id among them) to the partition it came
 * from. Every consumer group of that topic receives it again; the ones that had applied it recognise
 * the event id in their inbox.
 */
public class DeadLetters implements AutoCloseable {

    /** Appended to a topic's name to name its dead-letter topic. */
    public static final String SUFFIX = ".DLT";

    /** The header that carries the event id (written by the outbox relay and the webhook gateway). */
    static final String EVENT_ID_HEADER = "id";

    /** A sanitised description of the failure, written with every dead letter. */
    static final String REASON_HEADER = "orderhub-dlt-reason";

    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);

    private final KafkaListenerEndpointRegistry listeners;
    private final Map<String, Object> consumerConfig;
    private final DefaultKafkaProducerFactory<Object, Object> producers;
    private final KafkaTemplate<Object, Object> producer;
    private final Duration timeout;

    /**
     * @param consumerConfig the service's consumer settings, for reading dead-letter topics (without a group)
     * @param producerConfig the service's producer settings, for dead letters and replays
     * @param avro writes dead letters of events that were read (see {@link DeadLetterSerializer})
     */
    public DeadLetters(
            KafkaListenerEndpointRegistry listeners,
            Map<String, Object> consumerConfig,
            Map<String, Object> producerConfig,
            AvroSerializer avro,
            Duration timeout) {
        this.listeners = listeners;
        this.consumerConfig = new HashMap<>(consumerConfig);
        this.consumerConfig.remove(ConsumerConfig.GROUP_ID_CONFIG);
        this.consumerConfig.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        this.consumerConfig.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        this.consumerConfig.put(ConsumerConfig.CLIENT_ID_CONFIG, "dead-letters");
        Map<String, Object> producing = new HashMap<>(producerConfig);
        producing.put(ProducerConfig.CLIENT_ID_CONFIG, "dead-letters");
        producing.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
        DeadLetterSerializer bytes = new DeadLetterSerializer(avro);
        this.producers = new DefaultKafkaProducerFactory<>(producing, bytes, bytes);
        this.producer = new KafkaTemplate<>(producers);
        this.timeout = timeout;
    }

    public static String deadLetterTopic(String topic) {
        return topic + SUFFIX;
    }

    static String originalTopic(String topic) {
        return topic.endsWith(SUFFIX) ? topic.substring(0, topic.length() - SUFFIX.length()) : topic;
    }

    /** This service's dead letters, by topic and partition, oldest first; at most {@code limit}. */
    public List<DeadLetter> list(int limit) {
        List<DeadLetter> found = new ArrayList<>();
        try (Consumer<byte[], byte[]> consumer = newConsumer()) {
            for (ConsumerRecord<byte[], byte[]> record : readAll(consumer, partitions(consumer))) {
                ours(record).ifPresent(found::add);
            }
        }
        found.sort(Comparator.comparing(DeadLetter::topic)
                .thenComparingInt(DeadLetter::partition)
                .thenComparingLong(DeadLetter::offset));
        return found.size() > limit ? List.copyOf(found.subList(0, limit)) : found;
    }

    /**
     * Publishes one dead letter to the partition it came from; empty when that record is not one of this
     * service's dead letters (an unknown topic, partition or offset, or another service's).
     */
    public Optional<DeadLetter> replay(String topic, int partition, long offset) {
        if (!deadLetterTopics().contains(topic) || partition < 0 || offset < 0) {
            return Optional.empty();
        }
        Optional<ConsumerRecord<byte[], byte[]>> record;
        try (Consumer<byte[], byte[]> consumer = newConsumer()) {
            record = readOne(consumer, new TopicPartition(topic, partition), offset);
        }
        Optional<DeadLetter> deadLetter = record.flatMap(this::ours);
        deadLetter.ifPresent(letter -> republish(letter, record.get()));
        return deadLetter;
    }

    /**
     * Publishes every dead letter of this service again, oldest first, and answers them. An event
     * dead-lettered more than once (it failed again after a replay) is published once.
     */
    public List<DeadLetter> replayAll() {
        List<DeadLetter> replayed = new ArrayList<>();
        Set<String> eventIds = new HashSet<>();
        try (Consumer<byte[], byte[]> consumer = newConsumer()) {
            for (ConsumerRecord<byte[], byte[]> record : readAll(consumer, partitions(consumer))) {
                ours(record)
                        .filter(letter -> letter.eventId() == null || eventIds.add(letter.eventId()))
                        .ifPresent(letter -> {
                            republish(letter, record);
                            replayed.add(letter);
                        });
            }
        }
        return replayed;
    }

    /** Where dead letters are sent: the same producer as replays, not a bean, so no other template is ambiguous. */
    KafkaOperations<Object, Object> producer() {
        return producer;
    }

    @Override
    public void close() {
        producers.destroy();
    }

    private void republish(DeadLetter letter, ConsumerRecord<byte[], byte[]> record) {
        Headers headers = new RecordHeaders();
        for (Header header : record.headers()) {
            if (!header.key().startsWith("kafka_dlt-") && !header.key().equals(REASON_HEADER)) {
                headers.add(header);
            }
        }
        ProducerRecord<Object, Object> replay = new ProducerRecord<>(
                letter.originalTopic(), letter.originalPartition(), record.key(), record.value(), headers);
        try {
            producer.send(replay).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unavailable("Interrupted while replaying " + describe(letter), e);
        } catch (ExecutionException | TimeoutException e) {
            throw new Unavailable("Kafka did not take the replay of " + describe(letter), e);
        }
        log.warn(
                "Replayed dead letter {} (event {}) to {}-{}",
                describe(letter),
                letter.eventId(),
                letter.originalTopic(),
                letter.originalPartition());
    }

    /** The topics this service's listeners consume, each with the consumer groups that read it. */
    private Map<String, Set<String>> consumedTopics() {
        Map<String, Set<String>> groupsByTopic = new HashMap<>();
        for (MessageListenerContainer container : listeners.getListenerContainers()) {
            String[] topics = container.getContainerProperties().getTopics();
            String group = container.getGroupId();
            if (topics == null || group == null) {
                continue;
            }
            for (String topic : topics) {
                groupsByTopic.computeIfAbsent(topic, t -> new HashSet<>()).add(group);
            }
        }
        return groupsByTopic;
    }

    private Set<String> deadLetterTopics() {
        Set<String> topics = new HashSet<>();
        consumedTopics().keySet().forEach(topic -> topics.add(deadLetterTopic(topic)));
        return topics;
    }

    private Optional<DeadLetter> ours(ConsumerRecord<byte[], byte[]> record) {
        String originalTopic = text(record.headers(), KafkaHeaders.DLT_ORIGINAL_TOPIC);
        String group = text(record.headers(), KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP);
        Header partition = record.headers().lastHeader(KafkaHeaders.DLT_ORIGINAL_PARTITION);
        Header offset = record.headers().lastHeader(KafkaHeaders.DLT_ORIGINAL_OFFSET);
        if (originalTopic == null || group == null || partition == null || offset == null) {
            return Optional.empty();
        }
        if (!consumedTopics().getOrDefault(originalTopic, Set.of()).contains(group)) {
            return Optional.empty();
        }
        return Optional.of(new DeadLetter(
                record.topic(),
                record.partition(),
                record.offset(),
                originalTopic,
                ByteBuffer.wrap(partition.value()).getInt(),
                ByteBuffer.wrap(offset.value()).getLong(),
                group,
                text(record.headers(), EVENT_ID_HEADER),
                record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8),
                text(record.headers(), KafkaHeaders.DLT_EXCEPTION_FQCN),
                text(record.headers(), REASON_HEADER)));
    }

    private Consumer<byte[], byte[]> newConsumer() {
        return new KafkaConsumer<>(consumerConfig, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    private List<TopicPartition> partitions(Consumer<byte[], byte[]> consumer) {
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : deadLetterTopics()) {
            List<PartitionInfo> infos = consumer.partitionsFor(topic, timeout);
            if (infos != null) {
                infos.forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
            }
        }
        return partitions;
    }

    private List<ConsumerRecord<byte[], byte[]>> readAll(
            Consumer<byte[], byte[]> consumer, Collection<TopicPartition> partitions) {
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        if (partitions.isEmpty()) {
            return records;
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, timeout);
        Set<TopicPartition> unread = new HashSet<>(partitions);
        long deadline = System.nanoTime() + timeout.toNanos();
        unread.removeIf(partition -> consumer.position(partition, timeout) >= ends.get(partition));
        while (!unread.isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new Unavailable("Kafka did not deliver the dead-letter topics within " + timeout, null);
            }
            consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            unread.removeIf(partition -> consumer.position(partition, timeout) >= ends.get(partition));
        }
        return records;
    }

    private Optional<ConsumerRecord<byte[], byte[]>> readOne(
            Consumer<byte[], byte[]> consumer, TopicPartition partition, long offset) {
        List<TopicPartition> partitions = List.of(partition);
        if (consumer.partitionsFor(partition.topic(), timeout).stream()
                .noneMatch(info -> info.partition() == partition.partition())) {
            return Optional.empty();
        }
        consumer.assign(partitions);
        long end = consumer.endOffsets(partitions, timeout).get(partition);
        if (offset >= end) {
            return Optional.empty();
        }
        consumer.seek(partition, offset);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (consumer.position(partition, timeout) <= offset) {
            if (System.nanoTime() > deadline) {
                throw new Unavailable("Kafka did not deliver " + partition + "@" + offset + " within " + timeout, null);
            }
            for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                if (record.offset() == offset) {
                    return Optional.of(record);
                }
            }
        }
        // Deleted by retention, or a transaction marker's offset.
        return Optional.empty();
    }

    /** Kafka did not answer in time; nothing was replayed, or the replay may have to be repeated. */
    public static class Unavailable extends RuntimeException {
        Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private static String text(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static String describe(DeadLetter letter) {
        return letter.topic() + "-" + letter.partition() + "@" + letter.offset();
    }
}
