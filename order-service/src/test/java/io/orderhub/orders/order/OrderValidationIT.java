package io.orderhub.orders.order;

import static io.orderhub.orders.OrderFixtures.pluginOrder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.jooq.impl.DSL.table;

import io.orderhub.orders.OrderApi;
import io.orderhub.orders.OrderApi.Answer;
import io.orderhub.orders.OrderServiceIntegrationTest;
import io.orderhub.orders.TestKeys;
import java.math.BigDecimal;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Bad input gets a 4xx problem naming the field, and changes nothing. */
@OrderServiceIntegrationTest
class OrderValidationIT {

    @LocalServerPort
    int port;

    @Autowired
    DSLContext db;

    OrderApi shop;

    @BeforeEach
    void connect() {
        shop = OrderApi.on(port, TestKeys.WOOCOMMERCE);
    }

    static Stream<Arguments> invalidOrders() {
        return Stream.of(
                invalid("no source", o -> o.remove("source"), "source"),
                invalid("no source_order_id", o -> o.remove("source_order_id"), "source_order_id"),
                invalid("blank source_order_id", o -> o.put("source_order_id", "  "), "source_order_id"),
                invalid("no currency", o -> o.remove("currency"), "currency"),
                invalid("unknown currency", o -> o.put("currency", "EURO"), "currency"),
                invalid("currency not ISO 4217", o -> o.put("currency", "ABC"), "currency"),
                invalid("currency in lower case", o -> o.put("currency", "eur"), "currency"),
                invalid("unknown status", o -> o.put("status", "archived"), "status"),
                invalid("status paid", o -> o.put("status", "paid"), "status"),
                invalid("negative subtotal", o -> o.put("subtotal", new BigDecimal("-1.00")), "subtotal"),
                invalid("negative discount", o -> o.put("discount_total", new BigDecimal("-5")), "discount_total"),
                invalid("three digits in EUR", o -> o.put("grand_total", new BigDecimal("47.495")), "grand_total"),
                invalid(
                        "cents in JPY",
                        o -> {
                            o.put("currency", "JPY");
                            o.put("shipping_total", new BigDecimal("4.90"));
                        },
                        "shipping_total"),
                invalid("absurd amount", o -> o.put("tax_total", new BigDecimal("1e15")), "tax_total"),
                invalid(
                        "amount above the limit",
                        o -> o.put("grand_total", new BigDecimal("9999999999999999.99")),
                        "grand_total"),
                invalid("huge exponent", o -> o.put("grand_total", new BigDecimal("1e999999999")), "grand_total"),
                invalid("tiny exponent", o -> item(o).put("price", new BigDecimal("1e-999999999")), "items[0].price"),
                invalid("no items", o -> o.putArray("items"), "items"),
                invalid("items missing", o -> o.remove("items"), "items"),
                invalid("item without name", o -> item(o).remove("name"), "items[0].name"),
                invalid("item without quantity", o -> item(o).remove("quantity"), "items[0].quantity"),
                invalid("quantity 0", o -> item(o).put("quantity", 0), "items[0].quantity"),
                invalid("negative quantity", o -> item(o).put("quantity", -2), "items[0].quantity"),
                invalid(
                        "fractional quantity",
                        o -> item(o).put("quantity", new BigDecimal("2.5")),
                        "items[0].quantity"),
                invalid("item without any price", o -> item(o).remove("price"), "items[0].price"),
                invalid("negative price", o -> item(o).put("price", new BigDecimal("-39.80")), "items[0].price"),
                invalid(
                        "over-precise unit price",
                        o -> item(o).put("unit_price", new BigDecimal("19.899")),
                        "items[0].unit_price"),
                invalid("tax rate as a percentage", o -> item(o).put("tax_rate", 19), "items[0].tax_rate"),
                invalid("tax rate of 1", o -> item(o).put("tax_rate", 1), "items[0].tax_rate"),
                invalid(
                        "negative tax rate",
                        o -> item(o).put("tax_rate", new BigDecimal("-0.07")),
                        "items[0].tax_rate"),
                invalid("item metadata not an object", o -> item(o).put("metadata", "x"), "items[0].metadata"),
                invalid("metadata not an object", o -> o.putArray("metadata"), "metadata"),
                invalid(
                        "customer email not an email",
                        o -> ((ObjectNode) o.get("customer")).put("email", "anna"),
                        "customer.email"),
                invalid(
                        "discount above the rest",
                        o -> {
                            o.remove("grand_total");
                            o.put("discount_total", new BigDecimal("100.00"));
                        },
                        "discount_total"),
                invalid("source order id too long", o -> o.put("source_order_id", "x".repeat(256)), "source_order_id"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidOrders")
    void refusesAnInvalidOrderNamingTheFieldAndChangesNothing(
            String description, Consumer<ObjectNode> breakIt, String field) {
        ObjectNode body = pluginOrder();
        breakIt.accept(body);
        int ordersBefore = db.fetchCount(table("orders"));
        int customersBefore = db.fetchCount(table("customers"));
        int eventsBefore = db.fetchCount(table("outbox"));

        Answer answer = shop.create(body);

        assertThat(answer.status()).as(answer.text()).isEqualTo(422);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        JsonNode problem = answer.json();
        assertThat(problem.get("type").asString()).isEqualTo("https://orderhub.io/problems/validation-failed");
        assertThat(problem.get("success").asBoolean()).isFalse();
        assertThat(problem.get("errors").findValuesAsString("field")).contains(field);
        assertThat(db.fetchCount(table("orders"))).isEqualTo(ordersBefore);
        assertThat(db.fetchCount(table("customers"))).isEqualTo(customersBefore);
        // The relay deletes what it published, so the outbox can only shrink when nothing was appended.
        assertThat(db.fetchCount(table("outbox"))).isLessThanOrEqualTo(eventsBefore);
    }

    @Test
    void refusesAHugeExponentWithAnIdempotencyKeyAsAProblem() {
        String body = pluginOrder().toString().replaceFirst("\"grand_total\":[^,}]+", "\"grand_total\":1e999999999");

        Answer answer = shop.create(body, "wc_huge_" + System.nanoTime());

        assertThat(answer.status()).as(answer.text()).isEqualTo(422);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        assertThat(answer.json().get("errors").findValuesAsString("field")).contains("grand_total");
    }

    @Test
    void namesEveryInvalidFieldAtOnce() {
        ObjectNode body = pluginOrder();
        body.put("currency", "XYZ");
        body.put("subtotal", new BigDecimal("-1"));
        item(body).put("quantity", 0);

        Answer answer = shop.create(body);

        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.json().get("errors").findValuesAsString("field"))
                .containsExactlyInAnyOrder("currency", "subtotal", "items[0].quantity");
    }

    @Test
    void answers400NamingTheFieldForAControlCharacterAndChangesNothing() {
        ObjectNode body = pluginOrder();
        item(body).put("name", "Espresso\u0000Beans");
        int ordersBefore = db.fetchCount(table("orders"));

        Answer answer = shop.create(body, "wc_nul_" + System.nanoTime());

        assertThat(answer.status()).as(answer.text()).isEqualTo(400);
        assertThat(answer.json().get("errors").findValuesAsString("field")).containsExactly("items[0].name");
        assertThat(db.fetchCount(table("orders"))).isEqualTo(ordersBefore);
    }

    @Test
    void answers400ForAWrongJsonType() {
        ObjectNode body = pluginOrder();
        body.putArray("subtotal");

        Answer answer = shop.create(body);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("errors").findValuesAsString("field")).contains("subtotal");
    }

    @Test
    void answers400ForMalformedJson() {
        Answer answer = shop.create("{\"source\": \"woocommerce\", ");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("type").asString()).isEqualTo("https://orderhub.io/problems/malformed-request");
        assertThat(answer.text()).doesNotContain("Exception").doesNotContain("at io.orderhub");
    }

    @Test
    void refusesAnUnknownStatusInATransition() {
        java.util.UUID id = shop.place(pluginOrder());

        Answer answer = shop.transition(id, "teleported", null);

        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.json().get("errors").findValuesAsString("field")).containsExactly("status");
        assertThat(shop.get(id).data().get("version").asLong()).isEqualTo(1);
    }

    @Test
    void answers400ForBadListParameters() {
        assertThat(shop.get("/api/v1/orders?status=teleported").status()).isEqualTo(400);
        assertThat(shop.get("/api/v1/orders?created_from=yesterday").status()).isEqualTo(400);
        assertThat(shop.get("/api/v1/orders?limit=0").status()).isEqualTo(400);
        assertThat(shop.get("/api/v1/orders?cursor=not-a-cursor").status()).isEqualTo(400);
    }

    @Test
    void answers400ForDatesOutsideTheYearsAnOrderCanHave() {
        for (String query : List.of(
                "created_to=%2B999999999-12-31",
                "created_from=-999999999-01-01", "created_to=%2B10000-01-01T00:00:01Z", "created_from=1969-12-31")) {
            Answer answer = shop.get("/api/v1/orders?" + query);

            assertThat(answer.status()).as(query).isEqualTo(400);
            assertThat(answer.json().get("errors").findValuesAsString("field"))
                    .containsExactly(query.substring(0, query.indexOf('=')));
        }
        assertThat(shop.get("/api/v1/orders?created_to=9999-12-31").status()).isEqualTo(200);
    }

    private static Arguments invalid(String description, Consumer<ObjectNode> breakIt, String field) {
        return Arguments.of(description, breakIt, field);
    }

    private static ObjectNode item(ObjectNode order) {
        return (ObjectNode) order.get("items").get(0);
    }
}
