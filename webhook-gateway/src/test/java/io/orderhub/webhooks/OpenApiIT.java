package io.orderhub.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderhub.httpapi.apikey.HandlerAuthorization;
import io.orderhub.testsupport.ApiClient;
import io.orderhub.testsupport.ApiDescriptions;
import io.orderhub.testsupport.TestKafka;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code /v3/api-docs}: the two webhook endpoints, signed instead of keyed, with their raw bodies. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OpenApiIT {

    @LocalServerPort
    int port;

    JsonNode api;

    @DynamicPropertySource
    static void kafka(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", TestKafka::bootstrapServers);
        registry.add("orderhub.schema-registry.url", () -> "mock://");
    }

    @BeforeEach
    void readDescription() {
        HttpResponse<String> docs =
                ApiClient.of("http://localhost:" + port, null).get("/v3/api-docs");
        assertThat(docs.statusCode()).as(docs.body()).isEqualTo(200);
        api = JsonMapper.builder().build().readTree(docs.body());
    }

    @Test
    void describesBothWebhooksAndNothingElseOfTheApi() {
        ApiDescriptions.assertOperations(
                api,
                "webhook-gateway",
                Map.of("/api/v1/webhooks/stripe", Set.of("post"), "/api/v1/webhooks/btcpay", Set.of("post")));
        assertThat(api.at("/components/securitySchemes/bearer/scheme").asString())
                .isEqualTo("bearer");
        assertThat(api.at("/components/schemas/Problem/properties").propertyNames())
                .contains("type", "title", "status", "detail", "success", "error");
    }

    @ParameterizedTest
    @CsvSource({"stripe, Stripe-Signature", "btcpay, BTCPay-Sig"})
    void requiresTheProvidersSignatureInsteadOfAnApiKey(String provider, String signatureHeader) {
        JsonNode webhook = api.get("paths").get("/api/v1/webhooks/" + provider).get("post");

        assertThat(webhook.get("security")).as("no API key").isEmpty();
        assertThat(webhook.get("parameters")
                        .valueStream()
                        .filter(p -> p.get("in").asString().equals("header")))
                .singleElement()
                .satisfies(header -> {
                    assertThat(header.get("name").asString()).isEqualTo(signatureHeader);
                    assertThat(header.get("required").asBoolean()).isTrue();
                });
        assertThat(webhook.at("/requestBody/required").asBoolean()).isTrue();
        assertThat(webhook.at("/requestBody/content/application~1json/examples/" + provider + "/value")
                        .isObject())
                .isTrue();
        assertThat(webhook.get("responses").propertyNames()).contains("200", "400", "413", "503");
        assertThat(webhook.get("responses").propertyNames())
                .as("the guard rails of keyed operations do not apply")
                .doesNotContain("401", "429");
        assertThat(webhook.at("/responses/400/content/application~1problem+json/schema/$ref")
                        .asString())
                .isEqualTo("#/components/schemas/Problem");
        assertThat(webhook.at("/responses/503/headers").propertyNames()).contains("Retry-After");
        assertThat(webhook.at("/responses/200/content/application~1json/examples/published/value/data/status")
                        .asString())
                .isEqualTo("published");
    }

    @Test
    void everyHandlerDeclaresWhoMayCallIt(@Autowired HandlerAuthorization authorization) {
        assertThat(authorization.undeclaredHandlers()).isEmpty();
    }
}
