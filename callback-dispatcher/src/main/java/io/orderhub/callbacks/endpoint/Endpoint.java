package io.orderhub.callbacks.endpoint;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;

/**
 * One channel's callback endpoint as configured.
 *
 * @param name the prefix of its variables ({@code POS} for {@code POS_CALLBACK_URL}); orders whose source
 *     normalises to it are called back here
 * @param url where callbacks go: {@code {NAME}_CALLBACK_URL}, or {@code WOOCOMMERCE_URL} in rest mode
 * @param secret the signing secret of the hub format ({@code {NAME}_CALLBACK_SECRET} or {@code CALLBACK_SECRET})
 * @param consumerKey WooCommerce REST only
 * @param consumerSecret WooCommerce REST only
 */
public record Endpoint(
        String name, String url, EndpointFormat format, String secret, String consumerKey, String consumerSecret) {

    public static final String WOOCOMMERCE = "WOOCOMMERCE";

    /** The endpoint name an order source maps to: upper case, anything but letters and digits as {@code _}. */
    public static String nameFor(String source) {
        return source.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    }

    /** What makes this endpoint impossible to call at all, or empty. Target policy is checked when sending. */
    public Optional<String> misconfiguration() {
        String urlVariable = format == EndpointFormat.WOOCOMMERCE_REST ? "WOOCOMMERCE_URL" : name + "_CALLBACK_URL";
        if (url == null || url.isBlank()) {
            return Optional.of(urlVariable + " is not set");
        }
        try {
            URI uri = new URI(url);
            if (uri.getScheme() == null
                    || !(uri.getScheme().equalsIgnoreCase("http")
                            || uri.getScheme().equalsIgnoreCase("https"))
                    || uri.getHost() == null) {
                return Optional.of(urlVariable + " is not an absolute http(s) URL");
            }
            if (uri.getRawUserInfo() != null) {
                return Optional.of(urlVariable + " must not carry credentials");
            }
        } catch (java.net.URISyntaxException e) {
            return Optional.of(urlVariable + " is not a valid URL");
        }
        if (format == EndpointFormat.HUB && (secret == null || secret.isEmpty())) {
            return Optional.of("neither " + name + "_CALLBACK_SECRET nor CALLBACK_SECRET is set: callbacks are"
                    + " never sent unsigned");
        }
        if (format == EndpointFormat.HUB && secret.startsWith("whsec_") && !isBase64(secret.substring(6))) {
            return Optional.of("the callback secret starts with whsec_ but the rest is not base64");
        }
        if (format == EndpointFormat.WOOCOMMERCE_REST
                && (consumerKey == null
                        || consumerKey.isEmpty()
                        || consumerSecret == null
                        || consumerSecret.isEmpty())) {
            return Optional.of("WOOCOMMERCE_CONSUMER_KEY and WOOCOMMERCE_CONSUMER_SECRET are needed in rest mode");
        }
        return Optional.empty();
    }

    private static boolean isBase64(String text) {
        try {
            return java.util.Base64.getDecoder().decode(text).length > 0;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    @Override
    public String toString() {
        return "Endpoint[" + name + " " + format.label() + " " + url + "]";
    }
}
