package io.orderhub.schemas.serde;

import io.orderhub.schemas.registry.SchemaRegistries;
import io.orderhub.schemas.registry.SchemaRegistry;
import java.util.Map;

/** The serde's one setting, under the name Confluent's serde uses. */
public final class AvroSerdeConfig {

    public static final String SCHEMA_REGISTRY_URL = "schema.registry.url";

    private AvroSerdeConfig() {}

    static SchemaRegistry registryFrom(Map<String, ?> configs) {
        Object url = configs.get(SCHEMA_REGISTRY_URL);
        return SchemaRegistries.forUrl(url == null ? null : url.toString());
    }
}
