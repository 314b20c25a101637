package io.orderhub.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;

/**
 * The gateway as deployed refuses the example secrets of the repository before it connects anywhere: the
 * shared start-up guard of http-api is on its class path and runs on its configuration.
 */
class ExampleSecretsRefusedTest {

    @Test
    void refusesToStartWithTheExampleWebhookSecretsNamingTheVariables() {
        Throwable refused = catchThrowable(() -> SpringApplication.run(
                        WebhookGatewayApplication.class,
                        "--orderhub.secrets.allow-examples=false",
                        "--STRIPE_WEBHOOK_SECRET=whsec_EXAMPLE",
                        "--BTCPAY_WEBHOOK_SECRET=previous-btcpay-secret-of-32-chars,EXAMPLE-btcpay-webhook-secret")
                .close());

        assertThat(refused)
                .hasMessageContaining("STRIPE_WEBHOOK_SECRET")
                .hasMessageContaining("BTCPAY_WEBHOOK_SECRET (orderhub.webhooks.btcpay.secrets) entry 2")
                .hasMessageNotContaining("BTCPAY_WEBHOOK_SECRET (orderhub.webhooks.btcpay.secrets) entry 1")
                .hasMessageNotContaining("whsec_EXAMPLE")
                .hasMessageNotContaining("EXAMPLE-btcpay-webhook-secret");
    }
}
