package io.orderhub.callbacks.delivery;

import io.orderhub.events.CallbackEvent;
import io.orderhub.events.CallbackEventType;
import io.orderhub.messaging.id.Ids;
import io.orderhub.messaging.outbox.Outbox;
import io.orderhub.schemas.EventTopic;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.springframework.stereotype.Component;

/** Publishes what happened to a delivery on {@code orderhub.callback-events.v1}, through the outbox. */
@Component
class CallbackEvents {

    private final Outbox outbox;

    CallbackEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    /** In the transaction of the state change, keyed by the order id like every event about the order. */
    void publish(CallbackEventType type, Delivery delivery, String endpointUrl, Instant now) {
        CallbackEvent event = CallbackEvent.newBuilder()
                .setEventId(Ids.next())
                .setType(type)
                .setOccurredAt(now.truncatedTo(ChronoUnit.MICROS))
                .setDeliveryId(delivery.id())
                .setVersion(delivery.version())
                .setOrderId(delivery.orderId())
                .setOrderVersion(delivery.orderVersion())
                .setChannel(delivery.channel())
                .setEndpointUrl(endpointUrl)
                .setAttempt(delivery.attempts())
                .setResponseStatus(delivery.lastResponseCode())
                .setLatencyMs(delivery.lastLatencyMs())
                .setError(delivery.lastError())
                .setNextAttemptAt(
                        type == CallbackEventType.ATTEMPT_FAILED && delivery.nextAttemptAt() != null
                                ? delivery.nextAttemptAt().truncatedTo(ChronoUnit.MICROS)
                                : null)
                .build();
        outbox.append(EventTopic.CALLBACK_EVENTS, "callback_delivery", delivery.orderId(), event);
    }
}
