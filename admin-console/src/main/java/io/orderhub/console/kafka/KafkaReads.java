package io.orderhub.console.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsSpec;
import org.apache.kafka.clients.admin.ListGroupsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.stereotype.Component;

/**
 * Consumer lag per group and the dead letters on the {@code .DLT} topics, read with Kafka's AdminClient: it
 * describes groups and topics and lists offsets, and never joins a group, commits or writes. Without
 * {@code ADMIN_CONSOLE_KAFKA_BOOTSTRAP_SERVERS} it is not configured and reads nothing.
 */
@Component
public class KafkaReads implements DisposableBean {

    /** What one read of a group found: the sum over its partitions of end offset minus committed offset. */
    public record GroupLag(String group, long lag, int partitions) {}

    /**
     * Lag per consumer group (by name), and the records on the dead-letter topics ({@code <topic>.DLT}: end
     * minus start offsets, so dead letters replayed but not yet removed by retention still count).
     */
    public record Backlog(List<GroupLag> groups, long deadLettered, int deadLetterTopics) {}

    /** Kafka did not answer in time, or refused. */
    public static class Unavailable extends RuntimeException {
        Unavailable(String message) {
            super(message);
        }
    }

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final @Nullable Admin admin;

    KafkaReads(@Value("${orderhub.console.kafka.bootstrap-servers:}") String bootstrapServers, KafkaProperties kafka) {
        this.admin = bootstrapServers.isBlank() ? null : Admin.create(adminConfig(bootstrapServers, kafka));
    }

    /**
     * Spring Boot's admin settings ({@code spring.kafka.*}: security protocol, SASL login, trust store — on
     * Kubernetes the same as the services', with the console's own read-only KafkaUser), at the bootstrap
     * servers given, with short timeouts: a page never waits long for Kafka.
     */
    static Map<String, Object> adminConfig(String bootstrapServers, KafkaProperties kafka) {
        Map<String, Object> config = new HashMap<>(kafka.buildAdminProperties());
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(AdminClientConfig.CLIENT_ID_CONFIG, "admin-console");
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
        return config;
    }

    public boolean configured() {
        return admin != null;
    }

    public Backlog read() {
        if (admin == null) {
            throw new Unavailable("Kafka is not configured (ADMIN_CONSOLE_KAFKA_BOOTSTRAP_SERVERS)");
        }
        List<String> groups = new ArrayList<>();
        for (GroupListing group :
                await(admin.listGroups(ListGroupsOptions.forConsumerGroups()).all())) {
            groups.add(group.groupId());
        }
        groups.sort(null);
        Map<String, Map<TopicPartition, OffsetAndMetadata>> committed = new HashMap<>();
        if (!groups.isEmpty()) {
            Map<String, ListConsumerGroupOffsetsSpec> specs = new HashMap<>();
            groups.forEach(group -> specs.put(group, new ListConsumerGroupOffsetsSpec()));
            committed.putAll(await(admin.listConsumerGroupOffsets(specs).all()));
        }
        Set<TopicPartition> deadLetterPartitions = new HashSet<>();
        Set<String> deadLetterTopics = new HashSet<>();
        for (String topic : await(admin.listTopics().names())) {
            if (topic.endsWith(".DLT")) {
                deadLetterTopics.add(topic);
            }
        }
        for (TopicDescription topic :
                await(admin.describeTopics(deadLetterTopics).allTopicNames()).values()) {
            topic.partitions()
                    .forEach(partition ->
                            deadLetterPartitions.add(new TopicPartition(topic.name(), partition.partition())));
        }
        Set<TopicPartition> consumed = new HashSet<>();
        committed.values().forEach(offsets -> consumed.addAll(offsets.keySet()));
        Set<TopicPartition> all = new HashSet<>(consumed);
        all.addAll(deadLetterPartitions);
        Map<TopicPartition, Long> ends = offsets(all, OffsetSpec.latest());
        Map<TopicPartition, Long> starts = offsets(deadLetterPartitions, OffsetSpec.earliest());

        List<GroupLag> lags = new ArrayList<>();
        for (String group : groups) {
            long lag = 0;
            int partitions = 0;
            for (Map.Entry<TopicPartition, OffsetAndMetadata> entry :
                    committed.getOrDefault(group, Map.of()).entrySet()) {
                Long end = ends.get(entry.getKey());
                if (entry.getValue() != null && end != null) {
                    lag += Math.max(0, end - entry.getValue().offset());
                    partitions++;
                }
            }
            lags.add(new GroupLag(group, lag, partitions));
        }
        long deadLettered = 0;
        for (TopicPartition partition : deadLetterPartitions) {
            deadLettered += Math.max(0, ends.getOrDefault(partition, 0L) - starts.getOrDefault(partition, 0L));
        }
        return new Backlog(lags, deadLettered, deadLetterTopics.size());
    }

    private Map<TopicPartition, Long> offsets(Set<TopicPartition> partitions, OffsetSpec spec) {
        Map<TopicPartition, Long> offsets = new HashMap<>();
        if (partitions.isEmpty() || admin == null) {
            return offsets;
        }
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        partitions.forEach(partition -> request.put(partition, spec));
        Map<TopicPartition, ListOffsetsResultInfo> answer =
                await(admin.listOffsets(request).all());
        answer.forEach((partition, info) -> offsets.put(partition, info.offset()));
        return offsets;
    }

    private static <T> T await(org.apache.kafka.common.KafkaFuture<T> future) {
        try {
            return future.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unavailable("Interrupted while reading Kafka");
        } catch (ExecutionException | TimeoutException | KafkaException e) {
            throw new Unavailable("Kafka did not answer in time");
        }
    }

    @Override
    public void destroy() {
        if (admin != null) {
            admin.close(Duration.ofSeconds(2));
        }
    }
}
