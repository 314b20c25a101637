package io.orderhub.webhooks.btcpay;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** @param secret the store webhook's secret ({@code BTCPAY_WEBHOOK_SECRET}); blank means not configured */
@ConfigurationProperties("orderhub.webhooks.btcpay")
record BtcpayWebhookProperties(String secret) {

    boolean configured() {
        return secret != null && !secret.isBlank();
    }

    @Override
    public String toString() {
        return "BtcpayWebhookProperties[secret " + (configured() ? "set" : "not set") + "]";
    }
}
