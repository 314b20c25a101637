package io.orderhub.payments.provider;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Provider access ({@code STRIPE_API_KEY}, {@code STRIPE_API_BASE}, {@code BTCPAY_URL}, {@code BTCPAY_API_KEY},
 * {@code BTCPAY_STORE_ID}) and how long a call may take: short enough that a request answers 504 well within
 * the Idempotency-Key's 60 s lease.
 */
@ConfigurationProperties("orderhub.providers")
public record ProviderSettings(
        Stripe stripe,
        Btcpay btcpay,
        @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("15s") Duration readTimeout) {

    public record Stripe(String apiKey, String apiBase) {}

    public record Btcpay(String url, String apiKey, String storeId) {}
}
