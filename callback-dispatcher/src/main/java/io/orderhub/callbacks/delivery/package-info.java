/** Deliveries: one per order change or invoice document, stored, claimed by workers, retried, superseded, dead-lettered, replayed, purged. */
package io.orderhub.callbacks.delivery;
