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
 */
@ConfigurationProperties("orderhub")
public record MessagingProperties(
        @DefaultValue SchemaRegistry schemaRegistry,
        @DefaultValue Topics topics,
        @DefaultValue Inbox inbox) {

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
}
