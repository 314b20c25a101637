/** The one-command local run: starts Kafka, PostgreSQL, the four services and the edge, stops them all. */
package io.orderhub.local;
