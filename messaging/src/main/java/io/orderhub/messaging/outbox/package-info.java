/** The transactional outbox: rows written in the caller's transaction, published to Kafka by one relay. */
package io.orderhub.messaging.outbox;
