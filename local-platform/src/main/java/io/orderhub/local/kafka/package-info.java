/** A real Apache Kafka broker in KRaft mode, from Maven Central jars, in a child JVM. */
package io.orderhub.local.kafka;
