package io.orderhub.messaging.deadletter;

/**
 * A record on a dead-letter topic, described by its headers; the payload is never shown.
 *
 * @param topic the dead-letter topic ({@code <original topic>.DLT}); with partition and offset, what a
 *     replay names
 * @param eventId the event's {@code id} header, when it had one
 * @param key the record's key (order id, provider reference)
 * @param exception the failure's class
 * @param reason the failure's classes, outermost first, and a message only where it holds no event data
 */
public record DeadLetter(
        String topic,
        int partition,
        long offset,
        String originalTopic,
        int originalPartition,
        long originalOffset,
        String consumerGroup,
        String eventId,
        String key,
        String exception,
        String reason) {}
