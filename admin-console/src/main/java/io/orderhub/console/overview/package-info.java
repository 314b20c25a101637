/** The overview's figures: one read of the services and Kafka per interval, shared by every page showing them. */
package io.orderhub.console.overview;
