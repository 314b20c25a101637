package io.orderhub.schemas.registry;

import org.apache.avro.Schema;

/** The two calls the serde needs from a Confluent-compatible schema registry. */
public interface SchemaRegistry {

    /** Registers the schema under the subject (idempotent) and answers its global id. */
    int register(String subject, Schema schema);

    /** The schema a global id stands for. */
    Schema schemaById(int id);
}
