package io.orderhub.callbacks;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The dispatcher's settings ({@code orderhub.callbacks.*}), bound from the contract's variables in
 * application.yml. The endpoints themselves are read from the environment ({@code *_CALLBACK_URL}).
 *
 * @param woocommerceMode {@code WOOCOMMERCE_CALLBACK_MODE}: {@code hub} (the plugin's route) or {@code rest}
 * @param retrySchedule {@code CALLBACK_RETRY_SCHEDULE}: the delays before each retry, comma-separated
 * @param requireHttps {@code CALLBACK_REQUIRE_HTTPS}: refuse plain-http targets
 * @param allowPrivateNetworks {@code CALLBACK_ALLOW_PRIVATE_NETWORKS}: allow private, loopback and
 *     link-local targets
 * @param timeout one HTTP request's whole budget (connect, send, answer)
 * @param perEndpointConcurrency requests in flight to one endpoint from one instance
 * @param claimLease how long a claimed delivery belongs to its worker; a crashed worker's delivery is
 *     claimed again after it
 * @param pollInterval how often due deliveries are looked for when nothing woke the dispatcher
 * @param batchSize the most deliveries claimed in one round per endpoint
 * @param deliveryRetention {@code CALLBACK_DELIVERY_RETENTION}: how long a finished delivery (delivered,
 *     dead-lettered, superseded, skipped) and its attempts are kept after its last change; open ones are
 *     never purged
 * @param purgeInterval {@code CALLBACK_DELIVERY_PURGE_INTERVAL}: how often each instance purges
 * @param purgeBatchSize the most deliveries deleted in one transaction
 * @param hubPublicUrl {@code HUB_PUBLIC_URL}: the edge's public base URL ({@code https://hub.example.com}), which
 *     invoice callbacks link the documents under; null (unset or blank) makes those links null
 */
@ConfigurationProperties("orderhub.callbacks")
public record CallbackProperties(
        @DefaultValue("hub") String woocommerceMode,
        @DefaultValue("5s,5m,30m,2h,5h,10h,14h,20h,24h") String retrySchedule,
        @DefaultValue("true") boolean requireHttps,
        @DefaultValue("false") boolean allowPrivateNetworks,
        @DefaultValue("15s") Duration timeout,
        @DefaultValue("4") int perEndpointConcurrency,
        @DefaultValue("60s") Duration claimLease,
        @DefaultValue("250ms") Duration pollInterval,
        @DefaultValue("50") int batchSize,
        @DefaultValue("30d") Duration deliveryRetention,
        @DefaultValue("1h") Duration purgeInterval,
        @DefaultValue("1000") int purgeBatchSize,
        String hubPublicUrl) {

    public CallbackProperties {
        if (perEndpointConcurrency < 1) {
            throw new IllegalArgumentException("per-endpoint-concurrency must be at least 1");
        }
        if (claimLease.compareTo(timeout.multipliedBy(2)) <= 0) {
            // WooCommerce REST mode makes two requests per attempt; the lease must outlast both.
            throw new IllegalArgumentException("claim-lease must exceed twice the timeout");
        }
        if (deliveryRetention.isNegative() || deliveryRetention.isZero()) {
            throw new IllegalArgumentException(
                    "delivery-retention (CALLBACK_DELIVERY_RETENTION) must be positive, not " + deliveryRetention);
        }
        if (purgeInterval.isNegative() || purgeInterval.isZero()) {
            throw new IllegalArgumentException(
                    "purge-interval (CALLBACK_DELIVERY_PURGE_INTERVAL) must be positive, not " + purgeInterval);
        }
        if (purgeBatchSize < 1) {
            throw new IllegalArgumentException("purge-batch-size must be at least 1");
        }
        hubPublicUrl = publicBaseUrl(hubPublicUrl);
    }

    /** An absolute http(s) URL without query, fragment or credentials, without its trailing slash; or null. */
    private static String publicBaseUrl(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String trimmed = value.trim();
        try {
            URI uri = new URI(trimmed);
            if (uri.getScheme() == null
                    || !(uri.getScheme().equalsIgnoreCase("http")
                            || uri.getScheme().equalsIgnoreCase("https"))
                    || uri.getHost() == null
                    || uri.getRawUserInfo() != null
                    || uri.getRawQuery() != null
                    || uri.getRawFragment() != null) {
                throw new IllegalArgumentException("HUB_PUBLIC_URL must be an absolute http(s) URL without"
                        + " credentials, query or fragment, like https://hub.example.com");
            }
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("HUB_PUBLIC_URL is not a valid URL", e);
        }
        return trimmed.replaceAll("/+$", "");
    }
}
