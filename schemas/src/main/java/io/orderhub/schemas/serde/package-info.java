/** Kafka serializer and deserializer for Avro records in the Confluent wire format. */
package io.orderhub.schemas.serde;
