package io.orderhub.messaging.deadletter;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.orderhub.messaging.kafka.MessagingAutoConfiguration;
import io.orderhub.messaging.kafka.MessagingProperties;
import io.orderhub.schemas.EventTopic;
import io.orderhub.schemas.serde.AvroSerializer;
import java.time.Duration;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.KafkaException;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.KafkaUtils;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.util.backoff.FixedBackOff;

/**
 * The error handling of every service's listener containers (Boot's container factory takes the one
 * {@link CommonErrorHandler} bean): a permanent failure is retried a few times and then dead-lettered,
 * so a poison event never stops its partition; a transient one is retried with back-off for as long as
 * it takes, so nothing is skipped while a database or broker is away. {@link EventFailures} tells them
 * apart.
 */
@AutoConfiguration(after = {KafkaAutoConfiguration.class, MessagingAutoConfiguration.class})
public class DeadLetterAutoConfiguration {

    private static final Duration KAFKA_TIMEOUT = Duration.ofSeconds(10);

    /** Each contract topic's dead-letter topic, with as many partitions: a dead letter keeps its partition. */
    @Bean
    KafkaAdmin.NewTopics orderhubDeadLetterTopics(MessagingProperties properties) {
        return new KafkaAdmin.NewTopics(Stream.of(EventTopic.values())
                .map(topic -> TopicBuilder.name(DeadLetters.deadLetterTopic(topic.topicName()))
                        .partitions(properties.topics().partitions())
                        .replicas(properties.topics().replicationFactor())
                        .build())
                .toArray(NewTopic[]::new));
    }

    @Bean
    CommonErrorHandler orderhubConsumerErrorHandler(
            DeadLetters deadLetters, ObjectProvider<MeterRegistry> meters, MessagingProperties properties) {
        // Retry logs and container errors name a record by topic, partition and offset, never its value.
        KafkaUtils.setConsumerRecordFormatter(
                record -> record.topic() + "-" + record.partition() + "@" + record.offset());
        MessagingProperties.DeadLetters settings = properties.deadLetters();
        ExponentialBackOff transientBackOff =
                new ExponentialBackOff(settings.transientInitialInterval().toMillis(), 2.0);
        transientBackOff.setMaxInterval(settings.transientMaxInterval().toMillis());
        BackOff permanentBackOff =
                new FixedBackOff(settings.permanentRetryInterval().toMillis(), settings.permanentRetries());
        DefaultErrorHandler handler = new DefaultErrorHandler(
                new DeadLetterPublisher(deadLetters.producer(), meters.getIfAvailable(SimpleMeterRegistry::new)),
                transientBackOff);
        // Records that cannot be read or converted (Spring's not-retryable defaults) skip the retries: they
        // fail the same way every time. Every other failure is retried as its class says.
        handler.setBackOffFunction(
                (record, failure) -> EventFailures.isPermanent(failure) ? permanentBackOff : transientBackOff);
        handler.setRetryListeners(DeadLetterPublisher::logFailedAttempt);
        handler.setLogLevel(KafkaException.Level.WARN);
        return handler;
    }

    /** Lists and replays dead letters, and owns the producer that sends them (bytes as they were). */
    @Bean
    DeadLetters orderhubDeadLetters(
            KafkaListenerEndpointRegistry listeners, KafkaProperties kafka, AvroSerializer serializer) {
        return new DeadLetters(
                listeners, kafka.buildConsumerProperties(), kafka.buildProducerProperties(), serializer, KAFKA_TIMEOUT);
    }
}
