package io.orderhub.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderhub.events.CallbackEvent;
import io.orderhub.schemas.EventTopic;
import io.orderhub.testsupport.ProductionImages;
import io.orderhub.testsupport.TopicRecorder;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

/** The outbox round trip against the images docker-compose.yml runs; skipped where no Docker engine is. */
@Testcontainers(disabledWithoutDocker = true)
@SpringBootTest
class ProductionImagesIT {

    @Container
    static final PostgreSQLContainer POSTGRES = new PostgreSQLContainer(ProductionImages.POSTGRES_IMAGE);

    @Container
    static final KafkaContainer KAFKA = new KafkaContainer(ProductionImages.KAFKA_IMAGE);

    @DynamicPropertySource
    static void containers(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", POSTGRES::getJdbcUrl);
        registry.add("spring.datasource.username", POSTGRES::getUsername);
        registry.add("spring.datasource.password", POSTGRES::getPassword);
        registry.add("spring.kafka.bootstrap-servers", KAFKA::getBootstrapServers);
    }

    @Autowired
    AppendTestEvent appendTestEvent;

    @Test
    void publishesAnOutboxEventThroughTheProductionImages() {
        try (TopicRecorder recorder =
                TopicRecorder.record(KAFKA.getBootstrapServers(), EventTopic.CALLBACK_EVENTS.topicName())) {
            UUID eventId = appendTestEvent.append(UUID.randomUUID());

            assertThat(recorder.awaitValues(
                            CallbackEvent.class,
                            events ->
                                    events.stream().anyMatch(e -> e.getEventId().equals(eventId)),
                            Duration.ofSeconds(60)))
                    .isNotEmpty();
        }
    }
}
