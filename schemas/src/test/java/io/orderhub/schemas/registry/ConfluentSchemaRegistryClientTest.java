package io.orderhub.schemas.registry;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.orderhub.events.OrderEvent;
import io.orderhub.events.ProviderEvent;
import java.net.URI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The client against a server speaking the Confluent Schema Registry REST API. */
class ConfluentSchemaRegistryClientTest {

    private static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";

    private WireMockServer registry;

    @BeforeEach
    void startRegistry() {
        registry = new WireMockServer(wireMockConfig().dynamicPort());
        registry.start();
    }

    @AfterEach
    void stopRegistry() {
        registry.stop();
    }

    @Test
    void registersASchemaUnderItsSubjectOnceAndCachesTheId() {
        registry.stubFor(post("/subjects/orderhub.order-events.v1-value/versions")
                .withHeader("Content-Type", equalTo(CONTENT_TYPE))
                .withRequestBody(matchingJsonPath(
                        "$.schema", equalTo(OrderEvent.getClassSchema().toString())))
                .willReturn(aResponse().withHeader("Content-Type", CONTENT_TYPE).withBody("{\"id\": 42}")));
        ConfluentSchemaRegistryClient client = new ConfluentSchemaRegistryClient(URI.create(registry.baseUrl()));

        int first = client.register("orderhub.order-events.v1-value", OrderEvent.getClassSchema());
        int second = client.register("orderhub.order-events.v1-value", OrderEvent.getClassSchema());

        assertThat(first).isEqualTo(42).isEqualTo(second);
        registry.verify(1, postRequestedFor(urlEqualTo("/subjects/orderhub.order-events.v1-value/versions")));
        assertThat(client.schemaById(42)).isEqualTo(OrderEvent.getClassSchema());
    }

    @Test
    void fetchesASchemaById() throws Exception {
        String body = new ObjectMapper()
                .createObjectNode()
                .put("schema", ProviderEvent.getClassSchema().toString())
                .toString();
        registry.stubFor(get("/schemas/ids/7")
                .willReturn(aResponse().withHeader("Content-Type", CONTENT_TYPE).withBody(body)));
        ConfluentSchemaRegistryClient client = new ConfluentSchemaRegistryClient(URI.create(registry.baseUrl() + "/"));

        assertThat(client.schemaById(7)).isEqualTo(ProviderEvent.getClassSchema());
    }

    @Test
    void reportsTheRegistrysErrorMessage() {
        registry.stubFor(post("/subjects/orderhub.order-events.v1-value/versions")
                .willReturn(aResponse()
                        .withStatus(409)
                        .withHeader("Content-Type", CONTENT_TYPE)
                        .withBody("{\"error_code\":409,\"message\":\"Schema being registered is incompatible\"}")));
        ConfluentSchemaRegistryClient client = new ConfluentSchemaRegistryClient(URI.create(registry.baseUrl()));

        assertThatThrownBy(() -> client.register("orderhub.order-events.v1-value", OrderEvent.getClassSchema()))
                .isInstanceOf(SchemaRegistryException.class)
                .hasMessageContaining("409")
                .hasMessageContaining("incompatible");
    }
}
