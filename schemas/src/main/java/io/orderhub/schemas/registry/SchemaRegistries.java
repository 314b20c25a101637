package io.orderhub.schemas.registry;

import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Picks the registry a {@code SCHEMA_REGISTRY_URL} names: {@code mock://<scope>} for the in-process
 * registry (one instance per scope and JVM, like Confluent's), anything else for a Confluent REST
 * registry.
 */
public final class SchemaRegistries {

    public static final String MOCK_SCHEME = "mock://";

    private static final Map<String, SchemaRegistry> INSTANCES = new ConcurrentHashMap<>();

    private SchemaRegistries() {}

    public static SchemaRegistry forUrl(String url) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("schema.registry.url is not set (SCHEMA_REGISTRY_URL)");
        }
        String trimmed = url.trim();
        return INSTANCES.computeIfAbsent(trimmed, key -> {
            if (key.startsWith(MOCK_SCHEME)) {
                return new MockSchemaRegistry();
            }
            return new ConfluentSchemaRegistryClient(URI.create(key));
        });
    }
}
