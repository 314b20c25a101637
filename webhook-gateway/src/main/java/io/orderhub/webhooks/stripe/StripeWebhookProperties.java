package io.orderhub.webhooks.stripe;

import io.orderhub.webhooks.intake.SigningSecrets;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param secrets the endpoint's signing secrets ({@code STRIPE_WEBHOOK_SECRET}, comma-separated): during a
 *     rotation Stripe signs with both the old and the new one, and either may match
 */
@ConfigurationProperties("orderhub.webhooks.stripe")
record StripeWebhookProperties(@DefaultValue List<String> secrets) {

    StripeWebhookProperties {
        secrets = SigningSecrets.of(secrets);
    }

    @Override
    public String toString() {
        return "StripeWebhookProperties[" + secrets.size() + " secret(s)]";
    }
}
