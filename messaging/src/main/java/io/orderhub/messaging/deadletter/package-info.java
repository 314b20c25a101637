/** Consumer failures: transient ones retried until they pass, permanent ones dead-lettered, listed and replayed. */
package io.orderhub.messaging.deadletter;
