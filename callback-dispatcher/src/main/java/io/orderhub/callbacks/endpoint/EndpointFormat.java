package io.orderhub.callbacks.endpoint;

import java.util.Locale;

/** How a channel is called back. */
public enum EndpointFormat {
    /** The hub's signed JSON body, POSTed to {@code {CHANNEL}_CALLBACK_URL} (the plugin's route, POS, B2B). */
    HUB,
    /** WooCommerce's own REST API (PUT the order, POST a note), for a shop without the plugin. */
    WOOCOMMERCE_REST;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
