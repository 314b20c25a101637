package io.orderhub.orders;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderhub.events.OrderEvent;
import io.orderhub.testsupport.TopicRecorder;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/** One order's events as another team's consumer reads them from orderhub.order-events.v1. */
public final class OrderEventsOnTopic {

    private OrderEventsOnTopic() {}

    /** The order's events in topic order once there are {@code count}; fails when there are more. */
    public static List<OrderEvent> await(TopicRecorder recorder, UUID orderId, int count) {
        List<OrderEvent> events = recorder
                .awaitValues(
                        OrderEvent.class,
                        values -> values.stream()
                                        .filter(e -> e.getOrderId().equals(orderId))
                                        .count()
                                >= count,
                        Duration.ofSeconds(60))
                .stream()
                .filter(e -> e.getOrderId().equals(orderId))
                .toList();
        assertThat(events).as("events of order %s", orderId).hasSize(count);
        return events;
    }
}
