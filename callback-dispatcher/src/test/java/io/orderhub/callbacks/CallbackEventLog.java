package io.orderhub.callbacks;

import io.orderhub.events.CallbackEvent;
import io.orderhub.events.CallbackEventType;
import io.orderhub.schemas.EventTopic;
import io.orderhub.testsupport.TestKafka;
import io.orderhub.testsupport.TopicRecorder;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.awaitility.Awaitility;

/** The dispatcher's {@code CallbackEvent}s as the topic's readers see them, per delivery. */
public final class CallbackEventLog implements AutoCloseable {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private final TopicRecorder recorder;

    private CallbackEventLog(TopicRecorder recorder) {
        this.recorder = recorder;
    }

    /** Starts reading the topic of the test broker. */
    public static CallbackEventLog record() {
        return new CallbackEventLog(
                TopicRecorder.record(TestKafka.bootstrapServers(), EventTopic.CALLBACK_EVENTS.topicName()));
    }

    /** The events of one delivery so far, in the order published. */
    public List<CallbackEvent> of(UUID deliveryId) {
        return recorder.values(CallbackEvent.class).stream()
                .filter(event -> event.getDeliveryId().equals(deliveryId))
                .toList();
    }

    /** Waits for the delivery's first event of this type. */
    public CallbackEvent await(UUID deliveryId, CallbackEventType type) {
        return Awaitility.await()
                .atMost(WAIT)
                .until(
                        () -> of(deliveryId).stream()
                                .filter(event -> event.getType() == type)
                                .findFirst(),
                        Optional::isPresent)
                .orElseThrow();
    }

    @Override
    public void close() {
        recorder.close();
    }
}
