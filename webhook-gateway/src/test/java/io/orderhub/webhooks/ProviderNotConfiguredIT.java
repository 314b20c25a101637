package io.orderhub.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderhub.testsupport.TestKafka;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Without its secret a provider's webhooks cannot be verified; they are answered 503 with {@code
 * Retry-After}, so the provider keeps them and retries until the secret is set, instead of a 4xx that
 * BTCPay would never retry.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"STRIPE_WEBHOOK_SECRET=", "BTCPAY_WEBHOOK_SECRET= "})
class ProviderNotConfiguredIT {

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void kafka(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", TestKafka::bootstrapServers);
        registry.add("orderhub.schema-registry.url", () -> "mock://");
    }

    @Test
    void answersStripeWebhooks503UntilTheSecretIsSet() {
        HttpResponse<String> response =
                new WebhookHttp(port).stripe(TestVectors.STRIPE_BODY, TestVectors.STRIPE_SIGNATURE);

        assertNotConfigured(response);
    }

    @Test
    void answersBtcpayWebhooks503UntilTheSecretIsSet() {
        HttpResponse<String> response =
                new WebhookHttp(port).btcpay(TestVectors.BTCPAY_BODY, TestVectors.BTCPAY_SIGNATURE);

        assertNotConfigured(response);
    }

    private static void assertNotConfigured(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After")).hasValue("10");
        JsonNode problem = JsonMapper.builder().build().readTree(response.body());
        assertThat(problem.path("type").stringValue())
                .isEqualTo("https://orderhub.io/problems/provider-not-configured");
        assertThat(problem.path("error").path("code").stringValue()).isEqualTo("PROVIDER_NOT_CONFIGURED");
    }
}
