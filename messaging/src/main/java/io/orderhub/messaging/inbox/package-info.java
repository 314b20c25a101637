/** The inbox: each consumed event id recorded in the transaction of its effect, so it applies once. */
package io.orderhub.messaging.inbox;
