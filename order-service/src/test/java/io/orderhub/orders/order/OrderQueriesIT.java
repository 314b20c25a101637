package io.orderhub.orders.order;

import static io.orderhub.orders.OrderFixtures.minimalOrder;
import static io.orderhub.orders.OrderFixtures.pluginOrder;
import static org.assertj.core.api.Assertions.assertThat;

import io.orderhub.orders.OrderApi;
import io.orderhub.orders.OrderApi.Answer;
import io.orderhub.orders.OrderServiceIntegrationTest;
import io.orderhub.orders.TestKeys;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Reading orders: by id, by the channel's own id, history, and the cursor-paged list; each channel sees its own. */
@OrderServiceIntegrationTest
class OrderQueriesIT {

    @LocalServerPort
    int port;

    OrderApi shop;
    OrderApi pos;
    OrderApi admin;

    @BeforeEach
    void connect() {
        shop = OrderApi.on(port, TestKeys.WOOCOMMERCE);
        pos = OrderApi.on(port, TestKeys.POS);
        admin = OrderApi.on(port, TestKeys.ADMIN);
    }

    @Test
    void findsAnOrderByTheChannelsOwnId() {
        ObjectNode body = pluginOrder();
        UUID id = shop.place(body);

        Answer found = shop.get("/api/v1/orders/by-source/woocommerce/"
                + body.get("source_order_id").asString());

        assertThat(found.status()).isEqualTo(200);
        assertThat(found.data()).isEqualTo(shop.get(id).data());
    }

    @Test
    void hidesAnotherChannelsOrderAsIfItDidNotExist() {
        ObjectNode body = pluginOrder();
        UUID id = shop.place(body);
        String bySource = "/api/v1/orders/by-source/woocommerce/"
                + body.get("source_order_id").asString();

        Answer unknown = pos.get(UUID.randomUUID());
        List<Answer> answers =
                List.of(pos.get(id), pos.history(id), pos.get(bySource), pos.transition(id, "cancelled", "not mine"));

        assertThat(answers).allSatisfy(answer -> {
            assertThat(answer.status()).as(answer.text()).isEqualTo(404);
            assertThat(answer.json().get("type")).isEqualTo(unknown.json().get("type"));
        });
        assertThat(shop.get(id).data().get("status").asString()).isEqualTo("pending");
        assertThat(admin.get(id).status()).isEqualTo(200);
    }

    @Test
    void answers404ForAnIdThatCannotExist() {
        assertThat(shop.get("/api/v1/orders/not-a-uuid").status()).isEqualTo(404);
        assertThat(shop.get("/api/v1/orders/by-source/woocommerce/no-such-order")
                        .status())
                .isEqualTo(404);
    }

    @Test
    void showsTheHistoryOldestFirstWithTheActors() {
        UUID id = shop.place(pluginOrder());
        shop.transition(id, "confirmed", "stock checked");
        admin.transition(id, "cancelled", "customer called");

        JsonNode history = shop.history(id).data();

        assertThat(history).hasSize(3);
        assertThat(history.findValuesAsString("new_status")).containsExactly("pending", "confirmed", "cancelled");
        assertThat(history.get(0).get("old_status").isNull()).isTrue();
        assertThat(history.get(2).get("old_status").asString()).isEqualTo("confirmed");
        assertThat(history.findValuesAsString("changed_by")).containsExactly("shop", "shop", "ops");
        assertThat(history.get(2).get("reason").asString()).isEqualTo("customer called");
        assertThat(history.get(0).propertyNames())
                .contains("old_status", "new_status", "reason", "changed_by", "changed_at");
    }

    @Test
    void listsNewestFirstAcrossPagesWithoutGapsOrRepeats() {
        List<UUID> created = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            created.add(OrderApi.on(port, TestKeys.B2B).place(minimalOrder("b2b")));
        }
        OrderApi b2b = OrderApi.on(port, TestKeys.B2B);

        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            Answer page = b2b.get("/api/v1/orders?limit=3" + (cursor == null ? "" : "&cursor=" + cursor));
            assertThat(page.status()).as(page.text()).isEqualTo(200);
            page.data().forEach(order -> seen.add(order.get("id").asString()));
            cursor = page.json().get("next_cursor").isNull()
                    ? null
                    : page.json().get("next_cursor").asString();
            pages++;
        } while (cursor != null && pages < 100);

        List<String> newestFirst =
                new ArrayList<>(created.stream().map(UUID::toString).toList());
        java.util.Collections.reverse(newestFirst);
        assertThat(seen).doesNotHaveDuplicates();
        assertThat(seen.subList(0, 7)).isEqualTo(newestFirst);
        assertThat(pages).isGreaterThanOrEqualTo(3);
    }

    @Test
    void listsOnlyTheCallersChannel() {
        UUID posOrder = pos.place(minimalOrder("pos"));
        UUID shopOrder = shop.place(pluginOrder());

        List<String> posSees = ids(pos.get("/api/v1/orders?limit=200"));
        List<String> posAsksForTheShop = ids(pos.get("/api/v1/orders?source=woocommerce"));
        List<String> adminSees = ids(admin.get("/api/v1/orders?limit=200&source=woocommerce"));

        assertThat(posSees).contains(posOrder.toString()).doesNotContain(shopOrder.toString());
        assertThat(posAsksForTheShop).isEmpty();
        assertThat(adminSees).contains(shopOrder.toString()).doesNotContain(posOrder.toString());
    }

    @Test
    void filtersByStatusAndCreationTime() {
        Instant before = Instant.now().truncatedTo(ChronoUnit.MICROS);
        UUID cancelled = shop.place(pluginOrder().put("status", "cancelled"));
        UUID pending = shop.place(pluginOrder());
        JsonNode pendingOrder = shop.get(pending).data();
        String from = before.toString();
        String to = Instant.parse(pendingOrder.get("created_at").asString()).toString();

        List<String> cancelledSince = ids(shop.get("/api/v1/orders?status=cancelled&created_from=" + from));
        List<String> upToPending = ids(shop.get("/api/v1/orders?created_from=" + from + "&created_to=" + to));
        List<String> today = ids(shop.get(
                "/api/v1/orders?limit=200&created_from=" + before.toString().substring(0, 10) + "&created_to="
                        + before.toString().substring(0, 10)));

        assertThat(cancelledSince).containsExactly(cancelled.toString());
        assertThat(upToPending).as("created_to is exclusive").containsExactly(cancelled.toString());
        assertThat(today).as("a date is the whole day").contains(pending.toString(), cancelled.toString());
    }

    @Test
    void findsTheOrdersOfACustomerEmailInAnyCaseAcrossChannels() {
        String email = "kim+" + UUID.randomUUID() + "@example.org";
        UUID atTheShop = shop.place(boughtBy(email, pluginOrder()));
        UUID atTheTill = pos.place(boughtBy(email, minimalOrder("pos")));
        UUID someoneElse = shop.place(pluginOrder());
        String typed = email.toUpperCase(Locale.ROOT);

        List<String> encoded = ids(admin.get(
                "/api/v1/orders?customer_email=" + URLEncoder.encode(" " + typed + " ", StandardCharsets.UTF_8)));
        List<String> plusUnencoded = ids(admin.get("/api/v1/orders?customer_email=" + typed));
        List<String> theShopSees = ids(shop.get("/api/v1/orders?customer_email=" + email.replace("+", "%2B")));

        assertThat(encoded).containsExactly(atTheTill.toString(), atTheShop.toString());
        assertThat(plusUnencoded).as("'+' sent unencoded arrives as a space").isEqualTo(encoded);
        assertThat(theShopSees).containsExactly(atTheShop.toString()).doesNotContain(someoneElse.toString());
    }

    @Test
    void refusesACustomerEmailThatIsNotAnEmailAddress() {
        Answer answer = admin.get("/api/v1/orders?customer_email=not-an-address");

        assertThat(answer.status()).as(answer.text()).isEqualTo(400);
        assertThat(answer.json().get("errors").findValuesAsString("field")).containsExactly("customer_email");
        assertThat(ids(admin.get("/api/v1/orders?customer_email=nobody-" + UUID.randomUUID() + "@example.org")))
                .isEmpty();
    }

    @Test
    void answersTheListInTheContractsEnvelope() {
        shop.place(pluginOrder());

        JsonNode page = shop.get("/api/v1/orders?limit=1").json();

        assertThat(page.get("success").asBoolean()).isTrue();
        assertThat(page.get("data")).hasSize(1);
        assertThat(page.has("next_cursor")).isTrue();
        assertThat(page.get("data").get(0).has("items")).isTrue();
    }

    @Test
    void letsAReadOnlyKeyReadButNotWrite() {
        OrderApi readOnly = OrderApi.on(port, TestKeys.READ_ONLY);

        assertThat(readOnly.get("/api/v1/orders").status()).isEqualTo(200);
        assertThat(readOnly.create(minimalOrder("readonly")).status()).isEqualTo(403);
    }

    private static ObjectNode boughtBy(String email, ObjectNode order) {
        order.putObject("customer").put("email", email).put("name", "Kim Example");
        return order;
    }

    private static List<String> ids(Answer page) {
        assertThat(page.status()).as(page.text()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        page.data().forEach(order -> ids.add(order.get("id").asString()));
        return ids;
    }
}
