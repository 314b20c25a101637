package io.orderhub.messaging.kafka;

import io.orderhub.schemas.EventTopic;
import io.orderhub.schemas.registry.SchemaRegistries;
import io.orderhub.schemas.serde.AvroSerializer;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

/** What every service gets from the messaging module. */
// jOOQ by name: it is optional, and the stateless webhook gateway runs without it on the class path.
@AutoConfiguration(
        after = KafkaAutoConfiguration.class,
        afterName = "org.springframework.boot.jooq.autoconfigure.JooqAutoConfiguration")
@EnableConfigurationProperties(MessagingProperties.class)
public class MessagingAutoConfiguration {

    /** Serialises events; every event schema is registered now, not inside a business transaction. */
    @Bean
    AvroSerializer orderhubEventSerializer(MessagingProperties properties) {
        AvroSerializer serializer = new AvroSerializer(
                SchemaRegistries.forUrl(properties.schemaRegistry().url()));
        serializer.registerAll();
        return serializer;
    }

    /** Every topic of the contract, created (if missing) when the service starts. */
    @Bean
    KafkaAdmin.NewTopics orderhubTopics(MessagingProperties properties) {
        return new KafkaAdmin.NewTopics(Stream.of(EventTopic.values())
                .map(topic -> TopicBuilder.name(topic.topicName())
                        .partitions(properties.topics().partitions())
                        .replicas(properties.topics().replicationFactor())
                        .build())
                .toArray(NewTopic[]::new));
    }
}
