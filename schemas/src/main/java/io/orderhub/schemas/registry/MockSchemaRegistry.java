package io.orderhub.schemas.registry;

import io.orderhub.schemas.EventTopic;
import io.orderhub.schemas.ReleasedSchemas;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;

/**
 * The in-process registry behind {@code mock://}. Ids are derived from the schema itself (see
 * {@link SchemaIds}), and every current and released event schema is known from the start, so a
 * consumer in one process reads what a producer in another process wrote.
 */
final class MockSchemaRegistry implements SchemaRegistry {

    private final Map<Integer, Schema> schemasById = new ConcurrentHashMap<>();

    MockSchemaRegistry() {
        for (EventTopic topic : EventTopic.values()) {
            remember(topic.valueSchema());
            ReleasedSchemas.of(topic).forEach(this::remember);
        }
    }

    @Override
    public int register(String subject, Schema schema) {
        return remember(schema);
    }

    @Override
    public Schema schemaById(int id) {
        Schema schema = schemasById.get(id);
        if (schema == null) {
            throw new SchemaRegistryException("Schema " + id + " not found in the mock:// registry");
        }
        return schema;
    }

    private int remember(Schema schema) {
        int id = SchemaIds.idOf(schema);
        Schema previous = schemasById.putIfAbsent(id, schema);
        if (previous != null && !previous.equals(schema)) {
            throw new SchemaRegistryException("Schema id collision in the mock:// registry: " + id);
        }
        return id;
    }
}
