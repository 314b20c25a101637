/** The outbox relay benchmark: the relay's commit → ack latency and throughput beside Kafka's own producer. */
package io.orderhub.bench.outbox;
