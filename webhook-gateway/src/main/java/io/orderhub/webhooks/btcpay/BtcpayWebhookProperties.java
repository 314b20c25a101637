package io.orderhub.webhooks.btcpay;

import io.orderhub.webhooks.intake.SigningSecrets;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param secrets the store webhook's secrets ({@code BTCPAY_WEBHOOK_SECRET}, comma-separated): during a
 *     rotation the old and the new one both verify, as for Stripe; none means not configured
 */
@ConfigurationProperties("orderhub.webhooks.btcpay")
record BtcpayWebhookProperties(@DefaultValue List<String> secrets) {

    BtcpayWebhookProperties {
        secrets = SigningSecrets.of(secrets);
    }

    boolean configured() {
        return !secrets.isEmpty();
    }

    @Override
    public String toString() {
        return "BtcpayWebhookProperties[" + secrets.size() + " secret(s)]";
    }
}
