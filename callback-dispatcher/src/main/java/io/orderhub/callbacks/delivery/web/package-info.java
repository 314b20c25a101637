/** {@code /api/v1/callbacks/deliveries}: listing deliveries with their attempts, and replaying one. */
package io.orderhub.callbacks.delivery.web;
