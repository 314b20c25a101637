package io.orderhub.schemas.serde;

import io.orderhub.schemas.EventTopic;
import io.orderhub.schemas.registry.SchemaRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes a generated Avro record in the Confluent wire format, registering its schema under the
 * topic's value subject (TopicNameStrategy). Call {@link #registerAll()} at start-up so that no
 * registry call happens later, for instance inside a business transaction writing an outbox row.
 */
public final class AvroSerializer implements Serializer<SpecificRecord> {

    private SchemaRegistry registry;
    private final Map<String, Map<Schema, Integer>> idsBySubject = new ConcurrentHashMap<>();
    private final Map<Schema, DatumWriter<SpecificRecord>> writers = new ConcurrentHashMap<>();

    public AvroSerializer() {}

    public AvroSerializer(SchemaRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        this.registry = AvroSerdeConfig.registryFrom(configs);
    }

    /** Registers every event schema of {@link EventTopic} under its subject. */
    public void registerAll() {
        for (EventTopic topic : EventTopic.values()) {
            schemaId(topic.valueSubject(), topic.valueSchema());
        }
    }

    @Override
    public byte[] serialize(String topic, SpecificRecord record) {
        if (record == null) {
            return null;
        }
        Schema schema = record.getSchema();
        int schemaId = schemaId(topic + "-value", schema);
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream(256);
            ByteBuffer header = ByteBuffer.allocate(ConfluentWireFormat.HEADER_LENGTH);
            ConfluentWireFormat.writeHeader(header, schemaId);
            out.write(header.array());
            BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
            writerFor(schema).write(record, encoder);
            encoder.flush();
            return out.toByteArray();
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("Cannot serialise " + schema.getFullName() + " for " + topic, e);
        }
    }

    private int schemaId(String subject, Schema schema) {
        if (registry == null) {
            throw new IllegalStateException(
                    "AvroSerializer is not configured with " + AvroSerdeConfig.SCHEMA_REGISTRY_URL);
        }
        return idsBySubject
                .computeIfAbsent(subject, s -> new ConcurrentHashMap<>())
                .computeIfAbsent(schema, s -> registry.register(subject, s));
    }

    private DatumWriter<SpecificRecord> writerFor(Schema schema) {
        return writers.computeIfAbsent(schema, s -> new SpecificDatumWriter<>(s, SpecificData.getForSchema(s)));
    }
}
