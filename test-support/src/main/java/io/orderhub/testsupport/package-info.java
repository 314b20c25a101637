/** Real PostgreSQL and Kafka for integration tests, started once per test JVM. */
package io.orderhub.testsupport;
