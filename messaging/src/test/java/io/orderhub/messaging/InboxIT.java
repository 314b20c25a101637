package io.orderhub.messaging;

import static io.orderhub.messaging.ProviderEvents.aProviderEvent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.table;

import io.orderhub.events.ProviderEvent;
import io.orderhub.messaging.inbox.Inbox;
import io.orderhub.schemas.EventTopic;
import io.orderhub.testsupport.OrderhubTestEnvironment;
import java.time.Duration;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.annotation.Transactional;

@SpringBootTest
@ContextConfiguration(initializers = OrderhubTestEnvironment.class)
class InboxIT {

    @Autowired
    KafkaTemplate<String, SpecificRecord> kafka;

    @Autowired
    DSLContext db;

    @Autowired
    Inbox inbox;

    @Test
    void appliesARedeliveredEventOnce() throws Exception {
        ProviderEvent event = aProviderEvent("pi_" + UUID.randomUUID(), "{}");
        ProviderEvent marker = aProviderEvent(event.getProviderReference(), "{}");

        // Kafka delivers at least once: the same event arrives twice, then something after it.
        kafka.send(EventTopic.PROVIDER_EVENTS.topicName(), event.getProviderReference(), event)
                .get();
        kafka.send(EventTopic.PROVIDER_EVENTS.topicName(), event.getProviderReference(), event)
                .get();
        kafka.send(EventTopic.PROVIDER_EVENTS.topicName(), marker.getProviderReference(), marker)
                .get();

        await().atMost(Duration.ofSeconds(30)).until(() -> applied(marker.getEventId()) == 1);
        assertThat(applied(event.getEventId())).isEqualTo(1);
        assertThat(db.fetchCount(table("applied_event"), field("reference").eq(event.getProviderReference())))
                .isEqualTo(2);
    }

    @Test
    void refusesToRecordOutsideATransaction() {
        assertThatThrownBy(() -> inbox.firstDelivery(UUID.randomUUID(), "any"))
                .isInstanceOf(IllegalTransactionStateException.class);
    }

    private int applied(UUID eventId) {
        return db.fetchCount(
                table("applied_event"), field("event_id", UUID.class).eq(eventId));
    }

    @TestConfiguration
    static class ApplyingConsumer {

        @Bean
        RecordProviderEvent recordProviderEvent(DSLContext db, Inbox inbox) {
            return new RecordProviderEvent(db, inbox);
        }
    }

    /** A consumer as the services write them: the inbox and the effect in one transaction. */
    @Component
    static class RecordProviderEvent {
        private final DSLContext db;
        private final Inbox inbox;

        RecordProviderEvent(DSLContext db, Inbox inbox) {
            this.db = db;
            this.inbox = inbox;
        }

        @KafkaListener(topics = "orderhub.provider-events.v1", groupId = "inbox-it")
        @Transactional
        public void apply(ProviderEvent event) {
            if (!inbox.firstDelivery(event.getEventId(), EventTopic.PROVIDER_EVENTS.topicName())) {
                return;
            }
            db.insertInto(table("applied_event"), field("event_id"), field("reference"))
                    .values(event.getEventId(), event.getProviderReference())
                    .execute();
        }
    }
}
