package io.orderhub.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.orderhub.events.OrderEvent;
import io.orderhub.schemas.EventFixtures;
import io.orderhub.schemas.EventTopic;
import io.orderhub.schemas.registry.SchemaRegistries;
import io.orderhub.schemas.registry.SchemaRegistry;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class AvroSerdeTest {

    private static final String TOPIC = EventTopic.ORDER_EVENTS.topicName();
    private static final Map<String, String> CONFIG = Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, "mock://serde-test");

    @Test
    void roundTripsAnOrderEventThroughTheMockRegistry() {
        OrderEvent event = EventFixtures.anOrderCreatedEvent();

        byte[] written = serializer().serialize(TOPIC, event);
        SpecificRecord read = deserializer().deserialize(TOPIC, written);

        // Avro's generated equals() cannot compare nullable decimals; equal bytes mean equal records.
        assertThat(read).isInstanceOf(OrderEvent.class);
        assertThat(((OrderEvent) read).getOrder().getItems().get(0).getTaxRate())
                .isEqualByComparingTo("0.07");
        assertThat(serializer().serialize(TOPIC, read)).isEqualTo(written);
    }

    @Test
    void writesBytesThatAPlainConfluentFormatReaderUnderstands() throws Exception {
        OrderEvent event = EventFixtures.anOrderCreatedEvent();

        byte[] bytes = serializer().serialize(TOPIC, event);

        // What any Confluent-compatible consumer does: magic byte, big-endian schema id, Avro binary body.
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        assertThat(buffer.get()).isEqualTo((byte) 0);
        int schemaId = buffer.getInt();
        SchemaRegistry registry = SchemaRegistries.forUrl("mock://serde-test");
        assertThat(schemaId)
                .isEqualTo(registry.register(EventTopic.ORDER_EVENTS.valueSubject(), OrderEvent.getClassSchema()));
        Schema writer = registry.schemaById(schemaId);
        GenericRecord generic = new GenericDatumReader<GenericRecord>(writer)
                .read(null, DecoderFactory.get().binaryDecoder(Arrays.copyOfRange(bytes, 5, bytes.length), null));
        assertThat(generic.get("event_id").toString())
                .isEqualTo(event.getEventId().toString());
        assertThat(((GenericRecord) generic.get("order")).get("source_order_id").toString())
                .isEqualTo("10023");
    }

    @Test
    void rejectsBytesWithoutTheMagicByte() {
        byte[] notConfluent = {1, 0, 0, 0, 1, 2};

        assertThatThrownBy(() -> deserializer().deserialize(TOPIC, notConfluent))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("magic byte");
    }

    private static AvroSerializer serializer() {
        AvroSerializer serializer = new AvroSerializer();
        serializer.configure(CONFIG, false);
        return serializer;
    }

    private static AvroDeserializer deserializer() {
        AvroDeserializer deserializer = new AvroDeserializer();
        deserializer.configure(CONFIG, false);
        return deserializer;
    }
}
