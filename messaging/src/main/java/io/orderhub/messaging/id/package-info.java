/** New ids: time-ordered UUIDv7, the contract's id format for events and the orders, payments and deliveries they describe. */
package io.orderhub.messaging.id;
