package io.orderhub.orders.order;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderhub.orders.OrderApi;
import io.orderhub.orders.OrderApi.Answer;
import io.orderhub.orders.OrderServiceIntegrationTest;
import io.orderhub.orders.TestKeys;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Order figures for the console's overview, counted by PostgreSQL. The orders are imported with creation times
 * on a day of 2011 that no other test uses, so the figures of that day are exactly these orders.
 */
@OrderServiceIntegrationTest
class OrderFiguresIT {

    static final String DAY = "from=2011-03-04T00:00:00Z&to=2011-03-05T00:00:00Z";

    @LocalServerPort
    int port;

    OrderApi admin;

    @BeforeEach
    void importOrdersOfTheDay() {
        admin = OrderApi.on(port, TestKeys.ADMIN);
        if (figures(DAY).path("figures").isEmpty()) {
            imported("woocommerce", "EUR", "47.49", "2011-03-04T09:15:00Z");
            imported("woocommerce", "EUR", "12.50", "2011-03-04T09:59:59Z");
            imported("woocommerce", "USD", "20.00", "2011-03-04T10:00:00Z");
            imported("pos", "EUR", "3.10", "2011-03-04T23:59:59Z");
            imported("pos", "JPY", "1200", "2011-03-04T10:30:00Z");
            // Outside the window on both sides: [from, to).
            imported("pos", "EUR", "99.00", "2011-03-03T23:59:59Z");
            imported("pos", "EUR", "99.00", "2011-03-05T00:00:00Z");
        }
    }

    @Test
    void countsOrdersAndSumsTheirTotalsPerChannelAndCurrencyInTheWindow() {
        JsonNode day = figures(DAY);

        assertThat(day.path("from").asString()).isEqualTo("2011-03-04T00:00:00Z");
        assertThat(day.path("per").isNull()).isTrue();
        assertThat(rows(day.path("figures")))
                .containsExactly(
                        "null pos EUR 1 3.10",
                        "null pos JPY 1 1200",
                        "null woocommerce EUR 2 59.99",
                        "null woocommerce USD 1 20.00");
    }

    @Test
    void splitsTheWindowPerHour() {
        JsonNode hours = figures(DAY + "&per=hour");

        assertThat(hours.path("per").asString()).isEqualTo("hour");
        assertThat(rows(hours.path("figures")))
                .containsExactly(
                        "2011-03-04T09:00:00Z woocommerce EUR 2 59.99",
                        "2011-03-04T10:00:00Z pos JPY 1 1200",
                        "2011-03-04T10:00:00Z woocommerce USD 1 20.00",
                        "2011-03-04T23:00:00Z pos EUR 1 3.10");
    }

    @Test
    void answersAnEmptyListForAWindowWithoutOrders() {
        assertThat(figures("from=2011-03-06T00:00:00Z&to=2011-03-07T00:00:00Z").path("figures"))
                .isEmpty();
    }

    @Test
    void refusesAMalformedWindowWith400() {
        // TimeWindowTest has every case; here, that they reach the client as 400s.
        for (String query : List.of("", DAY + "&per=minute")) {
            Answer answer = admin.get("/api/v1/orders/figures?" + query);
            assertThat(answer.status()).as(query + ": " + answer.text()).isEqualTo(400);
        }
    }

    @Test
    void answersOnlyTheAdminKey() {
        Answer channel = OrderApi.on(port, TestKeys.WOOCOMMERCE).get("/api/v1/orders/figures?" + DAY);

        assertThat(channel.status()).as(channel.text()).isEqualTo(403);
    }

    private JsonNode figures(String query) {
        Answer answer = admin.get("/api/v1/orders/figures?" + query);
        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        return answer.data();
    }

    private static List<String> rows(JsonNode figures) {
        return figures.valueStream()
                .map(f -> (f.path("hour").isNull() ? "null" : f.path("hour").asString()) + " "
                        + f.path("channel").asString() + " "
                        + f.path("currency").asString() + " "
                        + f.path("orders").asLong() + " "
                        + f.path("amount").decimalValue().toPlainString())
                .toList();
    }

    private void imported(String channel, String currency, String total, String createdAt) {
        UUID id = UUID.randomUUID();
        String body = """
                {"source": "%s", "source_order_id": "figures-%s", "currency": "%s", "status": "pending",
                 "subtotal": "%s", "tax_total": "0", "shipping_total": "0", "discount_total": "0",
                 "grand_total": "%s", "paid_amount": "0", "refunded_amount": "0",
                 "items": [{"name": "Kaffee", "quantity": 1, "price": "%s"}],
                 "history": [{"old_status": null, "new_status": "pending", "changed_by": "import",
                              "changed_at": "%s"}],
                 "created_at": "%s"}
                """.formatted(channel, id, currency, total, total, total, createdAt, createdAt);
        Answer answer = admin.put("/api/v1/import/orders/" + id, body);
        assertThat(answer.status()).as(answer.text()).isEqualTo(201);
    }
}
