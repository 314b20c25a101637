package io.orderhub.payments.provider;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Provider access ({@code STRIPE_API_KEY}, {@code STRIPE_API_BASE}, {@code BTCPAY_URL}, {@code BTCPAY_API_KEY},
 * {@code BTCPAY_STORE_ID}) and how long a call may take: short enough that a request answers 504 well within
 * the Idempotency-Key's 60 s lease. Listing a provider's books (reconciliation, settlement) waits out a 429:
 * up to {@code rateLimitAttempts} calls per page, waiting the provider's Retry-After or else a backoff doubling
 * from {@code rateLimitBackoff}, never longer than {@code rateLimitMaxWait} at a time.
 */
@ConfigurationProperties("orderhub.providers")
public record ProviderSettings(
        Stripe stripe,
        Btcpay btcpay,
        @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("15s") Duration readTimeout,
        @DefaultValue("6") int rateLimitAttempts,
        @DefaultValue("1s") Duration rateLimitBackoff,
        @DefaultValue("60s") Duration rateLimitMaxWait) {

    public record Stripe(String apiKey, String apiBase) {}

    public record Btcpay(String url, String apiKey, String storeId) {}
}
