package io.orderhub.schemas.serde;

import io.orderhub.schemas.registry.SchemaRegistry;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads Confluent wire format values into the generated record class of the writer's schema, resolving
 * the writer's (possibly older, released) schema against the class's current one.
 */
public final class AvroDeserializer implements Deserializer<SpecificRecord> {

    private SchemaRegistry registry;
    private final Map<Integer, DatumReader<SpecificRecord>> readers = new ConcurrentHashMap<>();

    public AvroDeserializer() {}

    public AvroDeserializer(SchemaRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        this.registry = AvroSerdeConfig.registryFrom(configs);
    }

    @Override
    public SpecificRecord deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        int schemaId = ConfluentWireFormat.readSchemaId(data);
        try {
            return readerFor(schemaId)
                    .read(
                            null,
                            DecoderFactory.get()
                                    .binaryDecoder(
                                            data,
                                            ConfluentWireFormat.HEADER_LENGTH,
                                            data.length - ConfluentWireFormat.HEADER_LENGTH,
                                            null));
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("Cannot read Avro value with schema id " + schemaId + " from " + topic, e);
        }
    }

    private DatumReader<SpecificRecord> readerFor(int schemaId) {
        if (registry == null) {
            throw new IllegalStateException(
                    "AvroDeserializer is not configured with " + AvroSerdeConfig.SCHEMA_REGISTRY_URL);
        }
        return readers.computeIfAbsent(schemaId, id -> {
            Schema writer = registry.schemaById(id);
            Class<?> recordClass = SpecificData.get().getClass(writer);
            if (recordClass == null || !SpecificRecord.class.isAssignableFrom(recordClass)) {
                throw new SerializationException("No generated class for " + writer.getFullName());
            }
            Schema reader = SpecificData.get().getSchema(recordClass);
            return new SpecificDatumReader<>(writer, reader, SpecificData.getForSchema(reader));
        });
    }
}
