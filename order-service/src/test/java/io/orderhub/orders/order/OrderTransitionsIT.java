package io.orderhub.orders.order;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderhub.orders.OrderApi;
import io.orderhub.orders.OrderApi.Answer;
import io.orderhub.orders.OrderServiceIntegrationTest;
import io.orderhub.orders.OrderSetup;
import io.orderhub.orders.PaymentEvents;
import io.orderhub.orders.TestKeys;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Every status asked for from every status, against the contract's table (ARCHITECTURE.md, Orders). */
@OrderServiceIntegrationTest
class OrderTransitionsIT {

    private static final List<String> STATUSES =
            List.of("pending", "confirmed", "paid", "processing", "shipped", "delivered", "cancelled", "refunded");

    /** The contract's table, written out here rather than taken from the code under test. */
    private static final Map<String, Set<String>> ALLOWED = Map.of(
            "pending", Set.of("confirmed", "paid", "cancelled"),
            "confirmed", Set.of("paid", "cancelled"),
            "paid", Set.of("processing", "refunded", "cancelled"),
            "processing", Set.of("shipped", "refunded", "cancelled"),
            "shipped", Set.of("delivered", "refunded"),
            "delivered", Set.of("refunded"),
            "cancelled", Set.of(),
            "refunded", Set.of());

    static PaymentEvents payments;

    @LocalServerPort
    int port;

    OrderApi shop;
    OrderSetup setup;

    @BeforeAll
    static void connectKafka() {
        payments = PaymentEvents.connect();
    }

    @AfterAll
    static void disconnectKafka() {
        payments.close();
    }

    @BeforeEach
    void connect() {
        shop = OrderApi.on(port, TestKeys.WOOCOMMERCE);
        setup = new OrderSetup(shop, payments);
    }

    static Stream<Arguments> allowedTransitions() {
        return pairs().filter(p -> ALLOWED.get(p[0]).contains(p[1]) && !setByPayments(p[1]))
                .map(p -> Arguments.of(p[0], p[1]));
    }

    static Stream<Arguments> forbiddenTransitions() {
        return pairs().filter(p -> !ALLOWED.get(p[0]).contains(p[1]) && !p[0].equals(p[1]) && !setByPayments(p[1]))
                .map(p -> Arguments.of(p[0], p[1]));
    }

    static Stream<Arguments> transitionsToStatusesSetByPayments() {
        return pairs().filter(p -> setByPayments(p[1])).map(p -> Arguments.of(p[0], p[1]));
    }

    static Stream<Arguments> sameStatus() {
        return STATUSES.stream().filter(s -> !setByPayments(s)).map(Arguments::of);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @MethodSource("allowedTransitions")
    void movesTheOrderAlongAnAllowedTransitionWithOneHistoryRow(String from, String to) {
        UUID id = setup.orderIn(from);
        JsonNode before = shop.get(id).data();
        int historyBefore = shop.history(id).data().size();

        Answer moved = shop.transition(id, to, "asked by the shop");

        assertThat(moved.status()).as(moved.text()).isEqualTo(200);
        assertThat(moved.data().get("status").asString()).isEqualTo(to);
        assertThat(moved.data().get("version").asLong())
                .isEqualTo(before.get("version").asLong() + 1);
        assertThat(shop.get(id).data()).isEqualTo(moved.data());
        JsonNode history = shop.history(id).data();
        assertThat(history).hasSize(historyBefore + 1);
        JsonNode last = history.get(history.size() - 1);
        assertThat(last.get("old_status").asString()).isEqualTo(from);
        assertThat(last.get("new_status").asString()).isEqualTo(to);
        assertThat(last.get("reason").asString()).isEqualTo("asked by the shop");
        assertThat(last.get("changed_by").asString()).isEqualTo("shop");
        assertThat(last.get("changed_at").asString())
                .isEqualTo(moved.data().get("updated_at").asString());
    }

    @ParameterizedTest(name = "{0} → {1}")
    @MethodSource("forbiddenTransitions")
    void refusesAForbiddenTransitionNamingBothStatuses(String from, String to) {
        UUID id = setup.orderIn(from);
        JsonNode before = shop.get(id).data();
        int historyBefore = shop.history(id).data().size();

        Answer refused = shop.transition(id, to, null);

        assertThat(refused.status()).as(refused.text()).isEqualTo(409);
        JsonNode problem = refused.json();
        assertThat(problem.get("type").asString()).isEqualTo("https://orderhub.io/problems/transition-forbidden");
        assertThat(problem.get("current_status").asString()).isEqualTo(from);
        assertThat(problem.get("requested_status").asString()).isEqualTo(to);
        assertThat(problem.get("detail").asString()).contains(from).contains(to);
        assertThat(shop.get(id).data()).isEqualTo(before);
        assertThat(shop.history(id).data()).hasSize(historyBefore);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @MethodSource("transitionsToStatusesSetByPayments")
    void refusesToSetAStatusThatFollowsFromPayments(String from, String to) {
        UUID id = setup.orderIn(from);
        JsonNode before = shop.get(id).data();

        Answer refused = shop.transition(id, to, null);

        assertThat(refused.status()).as(refused.text()).isEqualTo(422);
        assertThat(refused.json().get("errors").findValuesAsString("field")).containsExactly("status");
        assertThat(shop.get(id).data()).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0} → {0}")
    @MethodSource("sameStatus")
    void treatsTheSameStatusAsANoOpWithoutHistory(String status) {
        UUID id = setup.orderIn(status);
        JsonNode before = shop.get(id).data();

        Answer same = shop.transition(id, status, "again");

        assertThat(same.status()).as(same.text()).isEqualTo(200);
        assertThat(same.data()).isEqualTo(before);
        assertThat(shop.history(id).data()).hasSize(1);
    }

    @Test
    void coversEveryPairOfStatuses() {
        long covered = allowedTransitions().count()
                + forbiddenTransitions().count()
                + transitionsToStatusesSetByPayments().count()
                + sameStatus().count();

        assertThat(covered).isEqualTo((long) STATUSES.size() * STATUSES.size());
    }

    @Test
    void replaysATransitionForTheSameIdempotencyKey() {
        UUID id = setup.orderIn("pending");
        Map<String, String> key = Map.of("Idempotency-Key", "confirm-" + id);

        Answer first = shop.transition(id, "confirmed", null, key);
        Answer replayed = shop.transition(id, "confirmed", null, key);

        assertThat(replayed.text()).isEqualTo(first.text());
        assertThat(replayed.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(shop.history(id).data()).hasSize(2);
    }

    @Test
    void answers404ForAnUnknownOrder() {
        assertThat(shop.transition(UUID.randomUUID(), "confirmed", null).status())
                .isEqualTo(404);
    }

    @Test
    void requiresAStatus() {
        UUID id = setup.orderIn("pending");

        Answer answer = shop.post("/api/v1/orders/" + id + "/transitions", "{\"reason\": \"no status\"}");

        assertThat(answer.status()).isEqualTo(422);
    }

    private static Stream<String[]> pairs() {
        List<String[]> pairs = new ArrayList<>();
        for (String from : STATUSES) {
            for (String to : STATUSES) {
                pairs.add(new String[] {from, to});
            }
        }
        return pairs.stream();
    }

    private static boolean setByPayments(String status) {
        return status.equals("paid") || status.equals("refunded");
    }
}
