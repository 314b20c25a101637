package io.orderhub.orders.order;

import static io.orderhub.orders.OrderFixtures.contractExample;
import static io.orderhub.orders.OrderFixtures.minimalOrder;
import static io.orderhub.orders.OrderFixtures.pluginOrder;
import static io.orderhub.orders.OrderFixtures.pluginPayload;
import static io.orderhub.orders.OrderFixtures.uniqueId;
import static org.assertj.core.api.Assertions.assertThat;

import io.orderhub.orders.OrderApi;
import io.orderhub.orders.OrderApi.Answer;
import io.orderhub.orders.OrderServiceIntegrationTest;
import io.orderhub.orders.TestKeys;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

@OrderServiceIntegrationTest
class CreateOrderIT {

    @LocalServerPort
    int port;

    OrderApi shop;

    @BeforeEach
    void connect() {
        shop = OrderApi.on(port, TestKeys.WOOCOMMERCE);
    }

    @Test
    void createsAnOrderFromThePluginsExactPayload() {
        String sourceOrderId = uniqueId();

        Answer created = shop.create(pluginPayload(sourceOrderId));

        assertThat(created.status()).as(created.text()).isEqualTo(201);
        JsonNode order = created.data();
        UUID id = UUID.fromString(order.get("id").asString());
        assertThat(id.version()).as("ids are UUIDv7").isEqualTo(7);
        assertThat(created.header("Location")).isEqualTo("/api/v1/orders/" + id);
        assertThat(created.json().get("success").asBoolean()).isTrue();
        assertThat(order.get("source").asString()).isEqualTo("woocommerce");
        assertThat(order.get("source_order_id").asString()).isEqualTo(sourceOrderId);
        assertThat(order.get("customer_id").asString()).isEqualTo("77");
        assertThat(order.get("status").asString()).isEqualTo("pending");
        assertThat(order.get("version").asLong()).isEqualTo(1);
        assertThat(order.get("currency").asString()).isEqualTo("EUR");
        assertThat(order.get("subtotal").decimalValue()).isEqualByComparingTo("39.80");
        assertThat(order.get("tax_total").decimalValue()).isEqualByComparingTo("2.79");
        assertThat(order.get("shipping_total").decimalValue()).isEqualByComparingTo("4.90");
        assertThat(order.get("discount_total").decimalValue()).isEqualByComparingTo("0");
        assertThat(order.get("grand_total").decimalValue()).isEqualByComparingTo("47.49");
        assertThat(order.get("paid_amount").decimalValue()).isEqualByComparingTo("0");
        assertThat(order.get("refunded_amount").decimalValue()).isEqualByComparingTo("0");
        assertThat(order.get("customer").get("email").asString()).isEqualTo("anna@example.org");
        assertThat(order.get("customer").get("name").asString()).isEqualTo("Anna Muster");
        assertThat(order.get("customer").get("phone").asString()).isEqualTo("+49 30 1234567");
        JsonNode item = order.get("items").get(0);
        assertThat(item.get("name").asString()).isEqualTo("Buch");
        assertThat(item.get("quantity").asInt()).isEqualTo(2);
        assertThat(item.get("price").decimalValue()).isEqualByComparingTo("39.80");
        assertThat(item.get("unit_price").isNull()).isTrue();
        assertThat(item.get("tax_rate").decimalValue()).isEqualByComparingTo("0.07");
        assertThat(item.get("metadata").get("woocommerce_item_id").asString()).isEqualTo("9");
        assertThat(order.get("payments").isEmpty()).isTrue();
        assertThat(order.get("metadata").get("billing_address").get("city").asString())
                .isEqualTo("Berlin");
        assertThat(order.get("created_at").asString()).endsWith("Z");
        assertThat(order.get("updated_at").asString())
                .isEqualTo(order.get("created_at").asString());
    }

    @Test
    void showsEveryContractFieldInTheCreateAnswerAndWhenReadBack() {
        Answer created = shop.create(contractExample(uniqueId()));
        UUID id = UUID.fromString(created.data().get("id").asString());

        JsonNode read = shop.get(id).data();

        assertThat(created.data().propertyNames())
                .contains(
                        "id",
                        "source",
                        "source_order_id",
                        "customer_id",
                        "status",
                        "version",
                        "currency",
                        "subtotal",
                        "tax_total",
                        "shipping_total",
                        "discount_total",
                        "grand_total",
                        "paid_amount",
                        "refunded_amount",
                        "customer",
                        "items",
                        "payments",
                        "metadata",
                        "created_at",
                        "updated_at");
        assertThat(read).isEqualTo(created.data());
        assertThat(read.get("items").get(0).get("unit_price").decimalValue()).isEqualByComparingTo("19.90");
    }

    @Test
    void keepsTheChannelsMetadataAsSent() {
        ObjectNode body = pluginOrder();
        body.putObject("metadata").put("note", "bitte klingeln").put("weight", new java.math.BigDecimal("1.50"));

        UUID id = shop.place(body);

        JsonNode metadata = shop.get(id).data().get("metadata");
        assertThat(metadata.get("note").asString()).isEqualTo("bitte klingeln");
        assertThat(metadata.get("weight").toString()).isEqualTo("1.50");
    }

    @Test
    void takesTheCustomerFromTheBillingDetailsWhenTheOrderNamesNone() {
        ObjectNode body = pluginOrder();
        body.remove("customer");
        body.putObject("metadata")
                .put("billing_email", "Ben@Example.org")
                .putObject("billing_address")
                .put("first_name", "Ben")
                .put("last_name", "Beispiel")
                .put("phone", "+49 40 7654321")
                .put("city", "Hamburg");

        JsonNode customer = shop.get(shop.place(body)).data().get("customer");

        assertThat(customer.get("email").asString()).isEqualTo("ben@example.org");
        assertThat(customer.get("name").asString()).isEqualTo("Ben Beispiel");
        assertThat(customer.get("phone").asString()).isEqualTo("+49 40 7654321");
    }

    @Test
    void upsertsTheCustomerByEmailPerSource() {
        String email = "kundin-" + uniqueId() + "@example.org";
        ObjectNode first = pluginOrder();
        first.putObject("customer").put("email", email).put("name", "Clara Alt");
        ObjectNode second = pluginOrder();
        second.putObject("customer").put("email", email.toUpperCase()).put("name", "Clara Neu");
        ObjectNode otherChannel = minimalOrder("pos");
        otherChannel.putObject("customer").put("email", email);

        JsonNode firstCustomer = shop.get(shop.place(first)).data().get("customer");
        UUID secondOrder = shop.place(second);
        UUID posOrder = OrderApi.on(port, TestKeys.POS).place(otherChannel);

        JsonNode again = shop.get(secondOrder).data().get("customer");
        assertThat(again.get("id")).isEqualTo(firstCustomer.get("id"));
        assertThat(again.get("name").asString()).isEqualTo("Clara Neu");
        assertThat(OrderApi.on(port, TestKeys.POS)
                        .get(posOrder)
                        .data()
                        .get("customer")
                        .get("id"))
                .isNotEqualTo(firstCustomer.get("id"));
    }

    @Test
    void computesTheTotalsFromTheItemsWhenTheChannelSendsNone() {
        ObjectNode body = (ObjectNode) OrderApi.json().readTree("""
                {"source": "pos", "source_order_id": "%s", "currency": "EUR",
                 "shipping_total": 4.90, "discount_total": 2.00,
                 "items": [{"name": "Tasse", "quantity": 3, "unit_price": 6.50, "tax": 3.71},
                           {"name": "Kaffee", "quantity": 1, "price": 12.50, "tax": 2.38}]}
                """.formatted(uniqueId()));

        JsonNode order = OrderApi.on(port, TestKeys.POS)
                .get(OrderApi.on(port, TestKeys.POS).place(body))
                .data();

        assertThat(order.get("items").get(0).get("price").decimalValue()).isEqualByComparingTo("19.50");
        assertThat(order.get("subtotal").decimalValue()).isEqualByComparingTo("32.00");
        assertThat(order.get("tax_total").decimalValue()).isEqualByComparingTo("6.09");
        assertThat(order.get("grand_total").decimalValue()).isEqualByComparingTo("40.99");
    }

    @Test
    void takesTheChannelsGrandTotalAsAuthoritative() {
        ObjectNode body = pluginOrder();
        body.put("grand_total", new java.math.BigDecimal("47.50"));

        JsonNode order = shop.get(shop.place(body)).data();

        assertThat(order.get("grand_total").decimalValue()).isEqualByComparingTo("47.50");
    }

    @Test
    void keepsAmountsAtTheCurrencysOwnNumberOfFractionDigits() {
        ObjectNode yen = minimalOrder("pos");
        yen.put("currency", "JPY");
        ((ObjectNode) yen.get("items").get(0)).put("price", 1200);
        ObjectNode dinar = minimalOrder("pos");
        dinar.put("currency", "KWD");
        ((ObjectNode) dinar.get("items").get(0)).put("price", new java.math.BigDecimal("1.125"));
        OrderApi pos = OrderApi.on(port, TestKeys.POS);

        Answer inYen = pos.create(yen);
        Answer inDinar = pos.create(dinar);

        assertThat(inYen.status()).as(inYen.text()).isEqualTo(201);
        assertThat(inYen.data().get("grand_total").toString()).isEqualTo("1200");
        assertThat(inDinar.status()).as(inDinar.text()).isEqualTo(201);
        assertThat(inDinar.data().get("grand_total").toString()).isEqualTo("1.125");
    }

    @ParameterizedTest
    @ValueSource(strings = {"confirmed", "processing", "shipped", "delivered", "cancelled"})
    void importsAnOrderInAnyStatusAChannelMayStartIn(String status) {
        ObjectNode body = pluginOrder();
        body.put("status", status);

        UUID id = shop.place(body);

        assertThat(shop.get(id).data().get("status").asString()).isEqualTo(status);
        JsonNode history = shop.history(id).data();
        assertThat(history).hasSize(1);
        assertThat(history.get(0).get("old_status").isNull()).isTrue();
        assertThat(history.get(0).get("new_status").asString()).isEqualTo(status);
        assertThat(history.get(0).get("changed_by").asString()).isEqualTo("shop");
    }

    @Test
    void startsAnOrderWithoutAStatusAsPending() {
        ObjectNode body = pluginOrder();
        body.remove("status");

        assertThat(shop.get(shop.place(body)).data().get("status").asString()).isEqualTo("pending");
    }

    @Test
    void refusesASecondOrderWithTheSameSourceOrderIdNamingTheFirst() {
        String sourceOrderId = uniqueId();
        UUID first = shop.place(pluginPayload(sourceOrderId));

        Answer again = shop.create(pluginPayload(sourceOrderId));

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.header("Content-Type")).startsWith("application/problem+json");
        assertThat(again.json().get("type").asString()).isEqualTo("https://orderhub.io/problems/order-exists");
        assertThat(again.json().get("existing_order_id").asString()).isEqualTo(first.toString());
        assertThat(again.json().get("error").get("code").asString()).isEqualTo("ORDER_EXISTS");
    }

    @Test
    void createsAnOrderOnceWhenTheSameOrderArrivesTwiceAtOnce() throws Exception {
        String body = pluginPayload(uniqueId());
        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<Future<Answer>> answers = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            answers.add(pool.submit(() -> shop.create(body)));
        }
        List<Answer> done = new ArrayList<>();
        for (Future<Answer> answer : answers) {
            done.add(answer.get(60, TimeUnit.SECONDS));
        }
        pool.shutdown();

        List<Answer> created = done.stream().filter(a -> a.status() == 201).toList();
        assertThat(created).hasSize(1);
        String id = created.get(0).data().get("id").asString();
        assertThat(done).filteredOn(a -> a.status() != 201).allSatisfy(a -> {
            assertThat(a.status()).isEqualTo(409);
            assertThat(a.json().get("existing_order_id").asString()).isEqualTo(id);
        });
        assertThat(shop.history(UUID.fromString(id)).data()).hasSize(1);
    }

    @Test
    void lets2ChannelsUseTheSameSourceOrderId() {
        String sourceOrderId = uniqueId();
        ObjectNode pos = minimalOrder("pos");
        pos.put("source_order_id", sourceOrderId);
        ObjectNode b2b = minimalOrder("b2b");
        b2b.put("source_order_id", sourceOrderId);

        assertThat(OrderApi.on(port, TestKeys.POS).create(pos).status()).isEqualTo(201);
        assertThat(OrderApi.on(port, TestKeys.B2B).create(b2b).status()).isEqualTo(201);
    }

    @Test
    void replaysTheOriginalAnswerForTheSameIdempotencyKeyAndBody() {
        String body = pluginPayload(uniqueId());
        String key = "wc_" + uniqueId() + "_1718000000";

        Answer created = shop.create(body, key);
        Answer replayed = shop.create(body, key);

        assertThat(created.status()).isEqualTo(201);
        assertThat(replayed.status()).isEqualTo(201);
        assertThat(replayed.text()).isEqualTo(created.text());
        assertThat(replayed.header("Idempotent-Replayed")).isEqualTo("true");
        UUID id = UUID.fromString(created.data().get("id").asString());
        assertThat(shop.history(id).data()).hasSize(1);
    }

    @Test
    void answersTheDuplicateConflictForTheSameBodyUnderAnotherIdempotencyKey() {
        String body = pluginPayload(uniqueId());

        Answer created = shop.create(body, "wc_first_" + uniqueId());
        Answer again = shop.create(body, "wc_second_" + uniqueId());

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("existing_order_id").asString())
                .isEqualTo(created.data().get("id").asString());
    }

    @Test
    void refusesAnOrderForAnotherChannelsSource() {
        Answer answer = OrderApi.on(port, TestKeys.POS).create(pluginOrder());

        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.json().get("type").asString()).isEqualTo("https://orderhub.io/problems/forbidden");
    }

    @Test
    void letsTheAdminKeyCreateForAnyChannel() {
        Answer answer = OrderApi.on(port, TestKeys.ADMIN).create(pluginOrder());

        assertThat(answer.status()).as(answer.text()).isEqualTo(201);
        UUID id = UUID.fromString(answer.data().get("id").asString());
        assertThat(shop.history(id).data().get(0).get("changed_by").asString()).isEqualTo("ops");
    }

    @Test
    void refusesACreateWithoutAKey() {
        assertThat(shop.withKey(null).create(pluginOrder()).status()).isEqualTo(401);
    }
}
