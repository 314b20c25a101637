/** Sending one callback over HTTP: the hub and WooCommerce REST formats, signatures, the SSRF guard. */
package io.orderhub.callbacks.sending;
