package io.orderhub.messaging.deadletter;

import io.orderhub.schemas.serde.AvroSerializer;
import java.nio.charset.StandardCharsets;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Keys and values of dead letters and replays. Bytes pass through unchanged: a value that could not be
 * deserialised, and every replayed record. An event the consumer did read is written again in the
 * Confluent wire format under its original topic's subject, so a dead-letter topic registers no subject
 * of its own and a replayed value is framed exactly like one the producer wrote.
 */
final class DeadLetterSerializer implements Serializer<Object> {

    private final AvroSerializer avro;

    DeadLetterSerializer(AvroSerializer avro) {
        this.avro = avro;
    }

    @Override
    public byte[] serialize(String topic, Object data) {
        if (data == null) {
            return null;
        }
        if (data instanceof byte[] bytes) {
            return bytes;
        }
        if (data instanceof String text) {
            return text.getBytes(StandardCharsets.UTF_8);
        }
        if (data instanceof SpecificRecord event) {
            return avro.serialize(DeadLetters.originalTopic(topic), event);
        }
        throw new SerializationException("Cannot write a " + data.getClass().getName() + " to " + topic);
    }
}
