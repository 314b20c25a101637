package io.orderhub.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderhub.events.CallbackEvent;
import io.orderhub.events.CallbackEventType;
import io.orderhub.schemas.registry.SchemaRegistry;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

class SchemaEvolutionTest {

    @Test
    void readsValuesWrittenWithAnOlderSchemaIntoTheCurrentClass() throws Exception {
        // An older CallbackEvent without the optional fields added since (they have defaults).
        Schema uuid = org.apache.avro.LogicalTypes.uuid().addToSchema(Schema.create(Schema.Type.STRING));
        Schema micros = org.apache.avro.LogicalTypes.timestampMicros().addToSchema(Schema.create(Schema.Type.LONG));
        Schema older = SchemaBuilder.record("CallbackEvent")
                .namespace("io.orderhub.events")
                .fields()
                .name("event_id")
                .type(uuid)
                .noDefault()
                .name("type")
                .type(CallbackEvent.getClassSchema().getField("type").schema())
                .noDefault()
                .name("occurred_at")
                .type(micros)
                .noDefault()
                .name("delivery_id")
                .type(uuid)
                .noDefault()
                .name("version")
                .type()
                .longType()
                .noDefault()
                .name("order_id")
                .type(uuid)
                .noDefault()
                .name("order_version")
                .type()
                .longType()
                .noDefault()
                .name("channel")
                .type()
                .stringType()
                .noDefault()
                .name("attempt")
                .type()
                .intType()
                .noDefault()
                .endRecord();
        InMemoryRegistry registry = new InMemoryRegistry();
        int olderId = registry.register("orderhub.callback-events.v1-value", older);
        UUID eventId = UUID.randomUUID();
        GenericRecord value = new GenericData.Record(older);
        value.put("event_id", eventId.toString());
        value.put("type", new GenericData.EnumSymbol(older.getField("type").schema(), "DELIVERED"));
        value.put("occurred_at", Instant.now().truncatedTo(ChronoUnit.MICROS).toEpochMilli() * 1000);
        value.put("delivery_id", UUID.randomUUID().toString());
        value.put("version", 3L);
        value.put("order_id", UUID.randomUUID().toString());
        value.put("order_version", 7L);
        value.put("channel", "pos");
        value.put("attempt", 2);
        byte[] bytes = confluentBytes(olderId, older, value);

        SpecificRecord read = new AvroDeserializer(registry).deserialize("orderhub.callback-events.v1", bytes);

        assertThat(read).isInstanceOf(CallbackEvent.class);
        CallbackEvent event = (CallbackEvent) read;
        assertThat(event.getEventId()).isEqualTo(eventId);
        assertThat(event.getType()).isEqualTo(CallbackEventType.DELIVERED);
        assertThat(event.getOrderVersion()).isEqualTo(7L);
        assertThat(event.getResponseStatus()).isNull();
    }

    private static byte[] confluentBytes(int schemaId, Schema schema, GenericRecord value) throws Exception {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        out.write(0);
        out.write(java.nio.ByteBuffer.allocate(4).putInt(schemaId).array());
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        new GenericDatumWriter<GenericRecord>(schema).write(value, encoder);
        encoder.flush();
        return out.toByteArray();
    }

    /** A registry that exists only in this test: the serde's collaborator, not the system under test. */
    private static final class InMemoryRegistry implements SchemaRegistry {
        private final Map<Integer, Schema> schemas = new HashMap<>();

        @Override
        public int register(String subject, Schema schema) {
            int id = schemas.size() + 1;
            schemas.put(id, schema);
            return id;
        }

        @Override
        public Schema schemaById(int id) {
            return schemas.get(id);
        }
    }
}
