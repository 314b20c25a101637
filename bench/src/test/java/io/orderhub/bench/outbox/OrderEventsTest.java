package io.orderhub.bench.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderhub.events.OrderEvent;
import io.orderhub.schemas.EventTopic;
import io.orderhub.schemas.registry.SchemaRegistries;
import io.orderhub.schemas.serde.AvroSerializer;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class OrderEventsTest {

    private final AvroSerializer serializer = new AvroSerializer(SchemaRegistries.forUrl("mock://order-events-test"));

    @Test
    void buildsEventsWhosePayloadHasTheRequestedSize() {
        OrderEvents events = new OrderEvents(serializer, 600);
        UUID orderId = UUID.randomUUID();

        byte[] payload =
                serializer.serialize(EventTopic.ORDER_EVENTS.topicName(), events.next(UUID.randomUUID(), orderId, 42));

        assertThat(events.payloadBytes()).isEqualTo(600);
        assertThat(payload).hasSize(600);
    }

    @Test
    void carriesTheGivenIdsAndVersion() {
        OrderEvents events = new OrderEvents(serializer, 600);
        UUID eventId = UUID.randomUUID();
        UUID orderId = UUID.randomUUID();

        OrderEvent event = events.next(eventId, orderId, 7);

        assertThat(event.getEventId()).isEqualTo(eventId);
        assertThat(event.getOrderId()).isEqualTo(orderId);
        assertThat(event.getOrder().getId()).isEqualTo(orderId);
        assertThat(event.getVersion()).isEqualTo(7);
    }
}
