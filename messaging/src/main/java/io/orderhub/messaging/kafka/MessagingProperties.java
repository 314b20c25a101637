package io.orderhub.messaging.kafka;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings shared by every service ({@code orderhub.*}).
 *
 * @param schemaRegistry where schemas are registered: {@code SCHEMA_REGISTRY_URL}, {@code mock://} for the
 *     in-process registry
 * @param topics how the services create the topics at start-up
 * @param inbox how long consumed event ids are remembered
 * @param deadLetters how consumers retry before dead-lettering
 */
@ConfigurationProperties("orderhub")
public record MessagingProperties(
        @DefaultValue SchemaRegistry schemaRegistry,
        @DefaultValue Topics topics,
        @DefaultValue Inbox inbox,
        @DefaultValue DeadLetters deadLetters) {

    public record SchemaRegistry(@DefaultValue("mock://") String url) {}

    /**
     * @param partitions partitions per topic (KAFKA_TOPIC_PARTITIONS); the ceiling of consumer parallelism
     * @param replicationFactor replicas per partition (KAFKA_TOPIC_REPLICATION_FACTOR); 3 in production
     */
    public record Topics(
            @DefaultValue("12") int partitions,
            @DefaultValue("1") short replicationFactor) {}

    /** @param retention must outlast Kafka's retention, so a redelivered event is always recognised */
    public record Inbox(
            @DefaultValue("30d") Duration retention,
            @DefaultValue("1h") Duration purgeInterval) {}

    /**
     * @param permanentRetries retries of a permanent failure before its record is dead-lettered
     * @param permanentRetryInterval the pause before each of them
     * @param transientInitialInterval the first pause before retrying a transient failure; it doubles
     * @param transientMaxInterval the longest pause; transient failures are retried for as long as it takes
     */
    public record DeadLetters(
            @DefaultValue("2") int permanentRetries,
            @DefaultValue("1s") Duration permanentRetryInterval,
            @DefaultValue("500ms") Duration transientInitialInterval,
            @DefaultValue("30s") Duration transientMaxInterval) {}
}
