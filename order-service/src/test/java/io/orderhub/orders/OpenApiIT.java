package io.orderhub.orders;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderhub.httpapi.apikey.HandlerAuthorization;
import io.orderhub.orders.OrderApi.Answer;
import io.orderhub.testsupport.ApiDescriptions;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code /v3/api-docs}: the contract's order operations, their guard rails and examples a channel can send. */
@OrderServiceIntegrationTest
class OpenApiIT {

    @LocalServerPort
    int port;

    JsonNode api;

    @BeforeEach
    void readDescription() {
        Answer docs = OrderApi.on(port, null).get("/v3/api-docs");
        assertThat(docs.status()).as(docs.text()).isEqualTo(200);
        api = docs.json();
    }

    @Test
    void describesEveryOrderOperationOfTheContract() {
        Map<String, Set<String>> operations = Map.of(
                "/api/v1/orders", Set.of("get", "post"),
                "/api/v1/orders/{id}", Set.of("get"),
                "/api/v1/orders/by-source/{source}/{source_order_id}", Set.of("get"),
                "/api/v1/orders/{id}/history", Set.of("get"),
                "/api/v1/orders/{id}/transitions", Set.of("post"),
                "/api/v1/orders/figures", Set.of("get"),
                "/api/v1/settings", Set.of("get"),
                "/api/v1/contracts", Set.of("get", "post"),
                "/api/v1/contracts/{id}", Set.of("get", "patch"));
        ApiDescriptions.assertOperations(api, "order-service", operations);
    }

    @Test
    void requiresTheBearerKeyAndDescribesProblems() {
        ApiDescriptions.assertBearerKeyAndProblems(api);
        JsonNode transition = api.at("/paths/~1api~1v1~1orders~1{id}~1transitions/post/responses");
        assertThat(transition.propertyNames()).contains("200", "400", "401", "404", "409", "422", "429");
        assertThat(transition.at("/409/description").asString()).contains("transition-forbidden");
        assertThat(transition
                        .at("/409/content/application~1problem+json/schema/$ref")
                        .asString())
                .isEqualTo("#/components/schemas/Problem");
        assertThat(api.at("/paths/~1api~1v1~1health/get/security"))
                .as("health needs no key")
                .isEmpty();
    }

    @Test
    void acceptsAnIdempotencyKeyOnOrderCreation() {
        JsonNode create = api.at("/paths/~1api~1v1~1orders/post");

        assertThat(create.get("parameters")
                        .valueStream()
                        .filter(p -> p.get("name").asString().equals("Idempotency-Key")))
                .singleElement()
                .satisfies(key -> assertThat(key.get("in").asString()).isEqualTo("header"));
        assertThat(create.get("responses").propertyNames()).contains("201", "409", "422");
    }

    @Test
    void documentsThePluginsOrderAndTheAnswerItGets() {
        JsonNode create = api.at("/paths/~1api~1v1~1orders/post");
        ObjectNode order = (ObjectNode) create.at("/requestBody/content/application~1json/examples/woocommerce/value")
                .deepCopy();
        assertThat(order.get("source_order_id").asString()).isEqualTo("10023");
        assertThat(order.get("items").get(0).get("unit_price").decimalValue()).isEqualByComparingTo("19.90");
        assertThat(order.get("grand_total").decimalValue()).isEqualByComparingTo("47.49");
        JsonNode documented = create.at("/responses/201/content/application~1json/examples/created/value");

        order.put("source_order_id", UUID.randomUUID().toString());
        Answer created = OrderApi.on(port, TestKeys.WOOCOMMERCE).create(order);

        assertThat(created.status()).as(created.text()).isEqualTo(201);
        assertThat(documented.get("data").propertyNames())
                .as("the documented answer has the fields of the real one")
                .containsExactlyInAnyOrderElementsOf(created.data().propertyNames());
        assertThat(documented.at("/data/items/0").propertyNames())
                .containsExactlyInAnyOrderElementsOf(
                        created.data().at("/items/0").propertyNames());
        assertThat(documented.at("/data/customer").propertyNames())
                .containsExactlyInAnyOrderElementsOf(
                        created.data().get("customer").propertyNames());
    }

    @Test
    void documentsTheIssuesContractAndTheAnswerItGets() {
        JsonNode create = api.at("/paths/~1api~1v1~1contracts/post");
        ObjectNode contract = (ObjectNode) create.at("/requestBody/content/application~1json/examples/contract/value")
                .deepCopy();
        JsonNode documented = create.at("/responses/201/content/application~1json/examples/created/value");

        Answer created = OrderApi.on(port, TestKeys.ADMIN).post("/api/v1/contracts", contract.toString());

        assertThat(created.status()).as(created.text()).isEqualTo(201);
        assertThat(documented.get("data").propertyNames())
                .as("the documented answer has the fields of the real one")
                .containsExactlyInAnyOrderElementsOf(created.data().propertyNames());
        assertThat(create.get("responses").propertyNames()).contains("201", "403", "422");
        assertThat(api.at("/paths/~1api~1v1~1orders/post/requestBody/content/application~1json/examples")
                        .propertyNames())
                .contains("on-account");
    }

    @Test
    void everyHandlerDeclaresWhoMayCallIt(@Autowired HandlerAuthorization authorization) {
        assertThat(authorization.undeclaredHandlers()).isEmpty();
    }
}
