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
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.util.backoff.ExponentialBackOff;

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

    /**
     * A consumer never skips an event: a failure is retried with back-off (up to a minute apart) until it
     * succeeds, including records that cannot be deserialised, which need a fixed deployment. Skipping a
     * payment event would silently lose money; a stuck partition is loud (logged on every retry) and
     * safe.
     */
    @Bean
    CommonErrorHandler orderhubConsumerErrorHandler() {
        ExponentialBackOff backOff = new ExponentialBackOff(500, 2.0);
        backOff.setMaxInterval(60_000);
        DefaultErrorHandler handler = new DefaultErrorHandler(backOff);
        handler.removeClassification(DeserializationException.class);
        handler.setLogLevel(org.springframework.kafka.KafkaException.Level.ERROR);
        return handler;
    }
}
