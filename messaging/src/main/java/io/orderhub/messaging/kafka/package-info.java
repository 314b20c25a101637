/** Kafka wiring shared by the services: topics, the Avro serde, consumer error handling, settings. */
package io.orderhub.messaging.kafka;
