/** What the console reads from Kafka itself, read-only: consumer lag per group and dead letters waiting. */
package io.orderhub.console.kafka;
